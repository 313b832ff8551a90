using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning;

/// <summary>
/// Display paths for fields: <c>spec.template.spec.containers[name=web].image</c>,
/// <c>metadata.labels["app.kubernetes.io/name"]</c>, <c>spec.args[2]</c>. Used by the differ, by graph edge
/// reasons and by diagnostics, so one field reads the same everywhere.
/// </summary>
public static class FieldPath
{
    /// <summary>The display path of <paramref name="pointer"/> in <paramref name="root"/>; list items are shown by
    /// their key (<see cref="ListKeys"/>) when the list has one.</summary>
    public static string FromPointer(JsonNode? root, string pointer)
    {
        var builder = new StringBuilder();
        var current = root;
        string? field = null;
        foreach (var segment in JsonPointer.Segments(pointer))
        {
            if (current is JsonArray array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                var keys = ListKeys.For(field ?? string.Empty, array);
                var item = index < array.Count ? array[index] : null;
                builder.Append('[').Append(!keys.IsEmpty && item is JsonObject obj ? ListKeys.Display(obj, keys) : segment).Append(']');
                current = item;
            }
            else
            {
                AppendKey(builder, segment);
                current = current is JsonObject o ? o[segment] : null;
                field = segment;
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends an object key: <c>.name</c>, or <c>["a.b/c"]</c> when the key is not a plain identifier.</summary>
    public static void AppendKey(StringBuilder builder, string key)
    {
        if (IsPlain(key))
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(key);
        }
        else
        {
            builder.Append("[\"").Append(key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="prefix"/> or lies under it.</summary>
    public static bool IsUnder(string path, string prefix) =>
        path == prefix
        || (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path[prefix.Length] is '.' or '[');

    private static bool IsPlain(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$') && !char.IsAsciiDigit(key[0]);
}
