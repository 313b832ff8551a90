using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Graph;
using Declarative.Core.Providers;

using static Declarative.Core.State.Storage.EnumWords;

namespace Declarative.Core.State.Storage;

/// <summary>
/// Revision ⇄ <see cref="StateFileV1"/>. Inventory and edges are written sorted so equal revisions give equal
/// bytes; stored objects keep their key order. <paramref name="sealObject"/> and <paramref name="openObject"/>
/// seal and unseal the secret values of each applied object. Invalid content throws
/// <see cref="InvalidDataException"/>.
/// </summary>
internal static class RevisionMapper
{
    public static StateFileV1 ToFile(Revision revision, Func<JsonObject, ImmutableArray<string>, JsonObject> sealObject) => new()
    {
        FormatVersion = StateFileV1.Version,
        DeclarativeVersion = revision.DeclarativeVersion,
        Revision = revision.Number,
        Operation = Word(revision.Operation),
        RollbackOf = revision.RollbackOf,
        Status = Word(revision.Status),
        User = revision.User,
        StartedAt = revision.StartedAt,
        FinishedAt = revision.FinishedAt,
        GitCommit = revision.GitCommit,
        CommandLine = revision.CommandLine,
        Error = revision.Error,
        Target = new()
        {
            KubernetesServer = revision.Target.KubernetesServer,
            KubernetesContext = revision.Target.KubernetesContext,
            DefaultNamespace = revision.Target.DefaultNamespace,
            DockerHost = revision.Target.DockerHost,
        },
        Summary = new(revision.Summary.Created, revision.Summary.Updated, revision.Summary.Replaced, revision.Summary.Deleted, revision.Summary.Unchanged),
        Inventory = [.. revision.Inventory.OrderBy(e => e.Address).Select(e => ToFile(e, sealObject))],
        Edges = [.. revision.Edges.OrderBy(e => e.From).ThenBy(e => e.To).ThenBy(e => e.Reason, StringComparer.Ordinal).Select(ToFile)],
    };

    public static Revision FromFile(StateFileV1 file, Func<JsonObject, JsonObject> openObject) => new(
        file.Revision,
        Parse<RevisionOperation>(file.Operation, "operation"),
        file.RollbackOf,
        Parse<RevisionStatus>(file.Status, "status"),
        file.User,
        file.StartedAt,
        file.FinishedAt,
        file.GitCommit,
        file.DeclarativeVersion,
        new TargetIdentity(file.Target.KubernetesServer, file.Target.KubernetesContext, file.Target.DefaultNamespace, file.Target.DockerHost),
        [.. file.Inventory.Select(e => FromFile(e, openObject))],
        [.. file.Edges.Select(FromFile)],
        new RevisionSummary(file.Summary.Created, file.Summary.Updated, file.Summary.Replaced, file.Summary.Deleted, file.Summary.Unchanged),
        file.CommandLine,
        file.Error);

    public static InventoryEntryV1 ToFile(InventoryEntry entry, Func<JsonObject, ImmutableArray<string>, JsonObject> sealObject) => new()
    {
        Provider = entry.Provider,
        Address = ToFile(entry.Address),
        ApiVersion = entry.Applied.Type.ApiVersion,
        Kind = entry.Applied.Type.Kind,
        SensitivePaths = [.. entry.SensitivePaths],
        Outputs = new(entry.Applied.Outputs.Values, StringComparer.Ordinal),
        Fingerprint = new() { Hash = entry.Applied.Fingerprint.Hash, Uid = entry.Applied.Fingerprint.Uid, Generation = entry.Applied.Fingerprint.Generation },
        Object = sealObject(entry.Applied.Object, entry.SensitivePaths),
    };

    public static InventoryEntry FromFile(InventoryEntryV1 entry, Func<JsonObject, JsonObject> openObject)
    {
        var applied = new AppliedResource(
            FromFile(entry.Address),
            new ResourceType(entry.ApiVersion, entry.Kind),
            openObject(entry.Object),
            new ResourceOutputs(entry.Outputs.ToImmutableSortedDictionary(StringComparer.Ordinal)),
            new Fingerprint(entry.Fingerprint.Hash, entry.Fingerprint.Uid, entry.Fingerprint.Generation));
        return new InventoryEntry(entry.Provider, applied, [.. entry.SensitivePaths]);
    }

    private static EdgeV1 ToFile(Edge edge) => new(ToFile(edge.From), ToFile(edge.To), edge.Reason, Word(edge.Kind));

    private static Edge FromFile(EdgeV1 edge) => new(FromFile(edge.From), FromFile(edge.To), edge.Reason, Parse<DependencyKind>(edge.Kind, "edge kind"));

    public static AddressV1 ToFile(ResourceAddress address) =>
        new() { Module = address.Module, Group = address.Group, Kind = address.Kind, Namespace = address.Namespace, Name = address.Name };

    public static ResourceAddress FromFile(AddressV1 address) => new(address.Module, address.Group, address.Kind, address.Namespace, address.Name);
}
