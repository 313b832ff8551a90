using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission;

/// <summary>
/// Renders a rejected value the way apimachinery's field.Error does (reference section 4): strings quoted,
/// numbers and booleans plain, everything else as compact JSON.
/// </summary>
internal static class ValueText
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue(out string? text) => JsonSerializer.Serialize(text, Compact),
        JsonValue v => v.ToJsonString(Compact),
        _ => Sorted(value).ToJsonString(Compact),
    };

    public static string Render(string text) => JsonSerializer.Serialize(text, Compact);

    public static string Render(IEnumerable<string> texts) => new JsonArray([.. texts.Select(t => (JsonNode)t)]).ToJsonString(Compact);

    // Go marshals map[string]string with sorted keys but structs in field order; a flat object of strings is
    // a map (labels, matchLabels), anything else keeps the order it came in.
    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject obj when obj.All(p => p.Value is JsonValue v && v.TryGetValue(out string? _)) =>
            new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(n => n is null ? null : Sorted(n))]),
        _ => node.DeepClone(),
    };
}
