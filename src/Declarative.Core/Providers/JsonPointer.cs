using System.Globalization;
using System.Text.Json.Nodes;

namespace Declarative.Core.Providers;

/// <summary>RFC 6901 JSON Pointers over System.Text.Json nodes.</summary>
public static class JsonPointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Append(string pointer, string segment) => $"{pointer}/{Escape(segment)}";

    public static string Append(string pointer, int index) => $"{pointer}/{index.ToString(CultureInfo.InvariantCulture)}";

    public static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(Unescape);

    public static JsonNode? Get(JsonNode? root, string pointer)
    {
        var current = root;
        foreach (var segment in Segments(pointer))
        {
            current = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Sets the node at <paramref name="pointer"/>; the parent must exist.</summary>
    public static void Set(JsonNode root, string pointer, JsonNode? value)
    {
        var segments = Segments(pointer).ToArray();
        if (segments.Length == 0)
        {
            throw new ArgumentException("Cannot replace the root node.", nameof(pointer));
        }

        var parent = Get(root, pointer[..pointer.LastIndexOf('/')]) ?? throw new ArgumentException($"No parent for {pointer}.", nameof(pointer));
        var last = segments[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                array[int.Parse(last, NumberStyles.None, CultureInfo.InvariantCulture)] = value;
                break;
            default:
                throw new ArgumentException($"The parent of {pointer} is not a container.", nameof(pointer));
        }
    }
}
