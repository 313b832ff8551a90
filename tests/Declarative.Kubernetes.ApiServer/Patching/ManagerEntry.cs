using System.Collections.Immutable;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>One metadata.managedFields entry, decoded. <see cref="Time"/> is kept as written (RFC 3339).</summary>
internal sealed record ManagerEntry(string Manager, string Operation, string? ApiVersion, string? Time, string? Subresource, ImmutableHashSet<FieldPath> Fields)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    public bool IsApply => Operation == ApplyOperation;

    /// <summary>Apply entries are one per manager whatever the version; Update entries one per version
    /// (apimachinery BuildManagerIdentifier).</summary>
    public ManagerKey Key => new(Manager, Operation, IsApply ? null : ApiVersion, Subresource);

    public ManagerEntry Without(IEnumerable<FieldPath> paths) => this with { Fields = Fields.Except(paths) };
}
