namespace Declarative.Core.Providers;

/// <summary>
/// Thrown by a provider's PlanAsync when the target system says it would refuse the resource as written (a server
/// dry-run answered 422 Invalid, or the namespace it goes into does not exist): a problem of the manifest, reported as
/// a plan error at the manifest's line, not a failure of planning. <see cref="FieldPath"/> is the field the system
/// named, as a dotted path (<c>spec.selector</c>), when it named one.
/// </summary>
public sealed class ResourceRefusedException(ResourceAddress address, string message, string? fieldPath = null, string? hint = null)
    : Exception(message)
{
    public ResourceAddress Address { get; } = address;

    public string? FieldPath { get; } = fieldPath;

    /// <summary>What to do about it, when the provider knows.</summary>
    public string? Hint { get; } = hint;
}
