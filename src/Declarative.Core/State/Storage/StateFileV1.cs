using System.Text.Json.Nodes;

namespace Declarative.Core.State.Storage;

/// <summary>
/// A revision file, format version 1 (docs/state.md). Only the store reads and writes it; domain records are never
/// serialized directly. Enum values are lower-case words; secret values in <see cref="InventoryEntryV1.Object"/>
/// are sealed.
/// </summary>
internal sealed record StateFileV1
{
    public const int Version = 1;

    public required int FormatVersion { get; init; }

    public required string DeclarativeVersion { get; init; }

    public required int Revision { get; init; }

    public required string Operation { get; init; }

    public int? RollbackOf { get; init; }

    public required string Status { get; init; }

    public required string User { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? GitCommit { get; init; }

    public string? CommandLine { get; init; }

    public string? Error { get; init; }

    public required TargetV1 Target { get; init; }

    public required SummaryV1 Summary { get; init; }

    public required List<InventoryEntryV1> Inventory { get; init; }

    public required List<EdgeV1> Edges { get; init; }
}

internal sealed record TargetV1
{
    public string? KubernetesServer { get; init; }

    public string? KubernetesContext { get; init; }

    public required string DefaultNamespace { get; init; }

    public string? DockerHost { get; init; }
}

internal sealed record SummaryV1(int Created, int Updated, int Replaced, int Deleted, int Unchanged);

internal sealed record AddressV1
{
    public required string Module { get; init; }

    public required string Group { get; init; }

    public required string Kind { get; init; }

    public string? Namespace { get; init; }

    public required string Name { get; init; }
}

internal sealed record FingerprintV1
{
    public required string Hash { get; init; }

    public string? Uid { get; init; }

    public long? Generation { get; init; }
}

internal sealed record EdgeV1(AddressV1 From, AddressV1 To, string Reason, string Kind);

internal sealed record InventoryEntryV1
{
    public required string Provider { get; init; }

    public required AddressV1 Address { get; init; }

    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required List<string> SensitivePaths { get; init; }

    public required SortedDictionary<string, string> Outputs { get; init; }

    public required FingerprintV1 Fingerprint { get; init; }

    public required JsonObject Object { get; init; }
}
