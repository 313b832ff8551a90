using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Cli.Rendering;

/// <summary>How plan outputs write values: compact JSON that keeps non-ASCII text and <c>+</c>, <c>&lt;</c>
/// readable, with object keys sorted so the same plan always prints the same bytes.</summary>
internal static class PlanValueRenderer
{
    public const string KnownAfterApply = "(known after apply)";

    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <summary>The value as one line of JSON; a JSON null is <c>null</c>.</summary>
    public static string Text(JsonNode? node) => Sorted(node)?.ToJsonString(Compact) ?? "null";

    /// <summary>A deep copy with the keys of every object in ordinal order.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
