using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>The path element of each item of a set or associative list.</summary>
internal static class ListItems
{
    /// <summary>One element per item, or null when the list must be treated as atomic: an atomic list type, an
    /// item without any key field, or two items with the same key.</summary>
    public static IReadOnlyList<string>? Elements(ListType type, JsonArray items)
    {
        if (type.IsAtomic)
        {
            return null;
        }

        var elements = new List<string>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var element = Element(type, item);
            if (element is null || !seen.Add(element))
            {
                return null;
            }

            elements.Add(element);
        }

        return elements;
    }

    public static string? Element(ListType type, JsonNode? item)
    {
        if (type.IsSet)
        {
            return item is JsonValue ? "v:" + JsonText.Compact(item) : null;
        }

        if (!type.IsMap || item is not JsonObject fields)
        {
            return null;
        }

        var key = new JsonObject();
        foreach (var name in type.Keys.Order(StringComparer.Ordinal))
        {
            if (fields.TryGetPropertyValue(name, out var value) && value is not null)
            {
                key[name] = value.DeepClone();
            }
            else if (type.KeyDefaults.TryGetValue(name, out var fallback))
            {
                key[name] = fallback;
            }
        }

        return key.Count == 0 ? null : "k:" + JsonText.Compact(key);
    }
}
