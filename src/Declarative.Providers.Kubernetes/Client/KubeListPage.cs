using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>One page of a LIST answer: only what the lister keeps. Deserialized from the response stream item by
/// item, so a page never exists whole as text or as one document.</summary>
internal sealed record KubeListPage(
    [property: JsonPropertyName("metadata")] JsonObject? Metadata,
    [property: JsonPropertyName("items")] List<JsonObject?>? Items);

[JsonSerializable(typeof(KubeListPage))]
internal sealed partial class KubeListJsonContext : JsonSerializerContext;
