using System.Globalization;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>Removes one field or list item from an object (in place), then the struct fields this leaves empty,
/// unless some manager owns them. metadata itself always stays.</summary>
internal static class FieldRemover
{
    public static void Remove(FieldSchema schema, JsonObject root, FieldPath path, Func<FieldPath, bool> isOwned)
    {
        var chain = new List<(JsonNode Container, string SchemaPath)>();
        JsonNode? current = root;
        var schemaPath = "";
        foreach (var element in path.Elements)
        {
            if (current is null)
            {
                return;
            }

            chain.Add((current, schemaPath));
            current = Step(schema, current, element, ref schemaPath);
        }

        if (chain.Count == 0 || current is null && !HasNullField(chain[^1].Container, path.Elements[^1]))
        {
            return;
        }

        RemoveFrom(schema, chain[^1].Container, path.Elements[^1], chain[^1].SchemaPath);
        RemoveEmptyParents(schema, chain, path, isOwned);
    }

    private static void RemoveEmptyParents(FieldSchema schema, List<(JsonNode Container, string SchemaPath)> chain, FieldPath path, Func<FieldPath, bool> isOwned)
    {
        for (var depth = chain.Count - 1; depth > 0; depth--)
        {
            var parentPath = Truncate(path, depth);
            var element = path.Elements[depth - 1];
            var isStructField = element.StartsWith("f:", StringComparison.Ordinal);
            var isEmpty = chain[depth].Container is JsonObject { Count: 0 };
            if (!isStructField || !isEmpty || parentPath.Equals(FieldPath.Of("metadata")) || isOwned(parentPath))
            {
                return;
            }

            RemoveFrom(schema, chain[depth - 1].Container, element, chain[depth - 1].SchemaPath);
        }
    }

    private static FieldPath Truncate(FieldPath path, int length)
    {
        var result = FieldPath.Root;
        foreach (var element in path.Elements.Take(length))
        {
            result = result.Append(element);
        }

        return result;
    }

    private static JsonNode? Step(FieldSchema schema, JsonNode container, string element, ref string schemaPath)
    {
        if (element.StartsWith("f:", StringComparison.Ordinal))
        {
            schemaPath = FieldSchema.Child(schemaPath, element[2..]);
            return container is JsonObject fields ? fields[element[2..]] : null;
        }

        if (container is not JsonArray items)
        {
            return null;
        }

        var index = IndexOf(schema, items, element, schemaPath);
        return index >= 0 ? items[index] : null;
    }

    private static void RemoveFrom(FieldSchema schema, JsonNode container, string element, string schemaPath)
    {
        if (container is JsonObject fields && element.StartsWith("f:", StringComparison.Ordinal))
        {
            fields.Remove(element[2..]);
        }
        else if (container is JsonArray items && IndexOf(schema, items, element, schemaPath) is var index && index >= 0)
        {
            items.RemoveAt(index);
        }
    }

    private static int IndexOf(FieldSchema schema, JsonArray items, string element, string schemaPath)
    {
        if (element.StartsWith("i:", StringComparison.Ordinal))
        {
            return int.TryParse(element[2..], CultureInfo.InvariantCulture, out var index) && index < items.Count ? index : -1;
        }

        var type = schema.ListAt(schemaPath);
        for (var index = 0; index < items.Count; index++)
        {
            if (ListItems.Element(type, items[index]) == element)
            {
                return index;
            }
        }

        return -1;
    }

    private static bool HasNullField(JsonNode container, string element) =>
        container is JsonObject fields && element.StartsWith("f:", StringComparison.Ordinal) && fields.ContainsKey(element[2..]);
}
