using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>Every item of a (possibly paginated) list, each with kind and apiVersion filled in, and the list's
/// resourceVersion.</summary>
public sealed record KubeList(ImmutableArray<JsonObject> Items, string ResourceVersion);
