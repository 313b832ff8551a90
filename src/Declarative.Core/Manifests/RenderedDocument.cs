using System.Text.Json.Nodes;

namespace Declarative.Core.Manifests;

/// <summary>
/// One templated, parsed YAML document that is an object. <see cref="Content"/> is owned by this record:
/// nothing mutates it after construction (clone before changing).
/// </summary>
public sealed record RenderedDocument(JsonObject Content, DocumentSource Source)
{
    public string? ApiVersion => Content["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? Kind => Content["kind"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
