using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>One watch event: ADDED, MODIFIED, DELETED or BOOKMARK with the object (a Status for ERROR events,
/// which the client turns into an exception instead).</summary>
public sealed record KubeWatchEvent(string Type, JsonObject Object);
