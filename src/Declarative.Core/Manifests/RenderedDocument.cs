using System.Text.Json.Nodes;

namespace Declarative.Core.Manifests;

/// <summary>
/// One templated, parsed YAML document that is an object. <see cref="Content"/> is owned by this record:
/// nothing mutates it after construction (clone before changing). <see cref="Module"/> is the module instance that
/// produced it ("" for the project's own files): the module path of its address.
/// </summary>
public sealed record RenderedDocument(JsonObject Content, DocumentSource Source, string Module = "")
{
    public string? ApiVersion => Content["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? Kind => Content["kind"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
