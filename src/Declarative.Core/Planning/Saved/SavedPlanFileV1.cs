using System.Text.Json.Nodes;

namespace Declarative.Core.Planning.Saved;

/// <summary>
/// A saved plan file, format version 1 (docs/plan.md, "Saved plans"). Only <see cref="SavedPlanFile"/> reads and
/// writes it; the domain records are never serialized directly, and this is not the <c>-o json</c> view. Secret
/// values in every stored object are sealed with the state key; <see cref="KeyCheck"/> is the key's HMAC of a fixed
/// text, so a wrong key is told apart from a damaged file even when the plan holds no secret.
/// </summary>
internal sealed record SavedPlanFileV1
{
    public const int Version = 1;

    public required int FormatVersion { get; init; }

    public required string DeclarativeVersion { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Project { get; init; }

    public required string Environment { get; init; }

    public required string ProjectRoot { get; init; }

    public int? BaseRevision { get; init; }

    public required SavedTargetV1 Target { get; init; }

    public required string KeyCheck { get; init; }

    public required List<SavedChangeV1> Changes { get; init; }

    public required List<SavedEdgeV1> Edges { get; init; }
}

internal sealed record SavedTargetV1
{
    public string? KubernetesServer { get; init; }

    public string? KubernetesContext { get; init; }

    public required string DefaultNamespace { get; init; }

    public string? DockerHost { get; init; }
}

internal sealed record SavedAddressV1
{
    public required string Module { get; init; }

    public required string Group { get; init; }

    public required string Kind { get; init; }

    public string? Namespace { get; init; }

    public required string Name { get; init; }
}

internal sealed record SavedEdgeV1(SavedAddressV1 From, SavedAddressV1 To, string Reason, string Kind);

internal sealed record SavedFingerprintV1
{
    public required string Hash { get; init; }

    public string? Uid { get; init; }

    public long? Generation { get; init; }
}

/// <summary>A live or last-applied object; <see cref="Outputs"/> only for last applied.</summary>
internal sealed record SavedObjectV1
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required SavedFingerprintV1 Fingerprint { get; init; }

    public SortedDictionary<string, string>? Outputs { get; init; }

    public required JsonObject Object { get; init; }
}
