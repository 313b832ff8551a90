using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission;

/// <summary>Small reads and writes on decoded objects. A field holding JSON null counts as absent, as it does
/// for Go's decoder, so defaulting fills it.</summary>
internal static class JsonTree
{
    /// <summary>The child object under <paramref name="key"/>, created when absent or null; null when the field
    /// holds something else (a malformed body is left for validation, defaulting skips it).</summary>
    public static JsonObject? Child(JsonObject parent, string key)
    {
        switch (parent[key])
        {
            case JsonObject existing:
                return existing;
            case null:
                var created = new JsonObject();
                parent[key] = created;
                return created;
            default:
                return null;
        }
    }

    /// <summary>The child object under <paramref name="key"/> when it is one; never creates it.</summary>
    public static JsonObject? Existing(JsonObject? parent, string key) => parent?[key] as JsonObject;

    public static void Default(JsonObject target, string key, JsonNode value)
    {
        if (target[key] is null)
        {
            target[key] = value;
        }
    }

    public static bool IsAbsent(JsonObject? parent, string key) => parent?[key] is null;

    public static string? Text(JsonObject? parent, string key) =>
        parent?[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static bool? Flag(JsonObject? parent, string key) =>
        parent?[key] is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;

    /// <summary>An integer field, whether parsed from a body or set here as an int.</summary>
    public static long? Number(JsonObject? parent, string key)
    {
        if (parent?[key] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        return value.TryGetValue(out long wide) ? wide
            : value.TryGetValue(out int narrow) ? narrow
            : long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>The object elements of the array under <paramref name="key"/>, with their indexes.</summary>
    public static IEnumerable<(JsonObject Item, int Index)> Items(JsonObject? parent, string key) =>
        parent?[key] is JsonArray array
            ? array.Select((node, index) => (node as JsonObject, index)).Where(p => p.Item1 is not null).Select(p => (p.Item1!, p.index))
            : [];

    /// <summary>A string-to-string map (labels, selector.matchLabels); non-string values are skipped.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(JsonObject? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map ?? [])
        {
            if (value is JsonValue v && v.TryGetValue(out string? text))
            {
                result[key] = text;
            }
        }

        return result;
    }

    public static JsonObject? Metadata(JsonObject obj) => obj["metadata"] as JsonObject;

    public static string Name(JsonObject obj) => Text(Metadata(obj), "name") ?? string.Empty;
}
