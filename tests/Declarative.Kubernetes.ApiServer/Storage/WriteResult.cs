using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>What a write did: <see cref="Object"/> is the stored (or, for a deletion, the last) state.</summary>
public sealed record WriteResult(JsonObject Object, WriteOutcome Outcome);

public enum WriteOutcome
{
    Created,
    Updated,
    Unchanged,
    Deleted,
}
