using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>Walks an object with the schema into a <see cref="FlatObject"/> (structured-merge-diff's ToFieldSet).</summary>
internal static class ObjectFlattener
{
    public static FlatObject Flatten(FieldSchema schema, JsonObject? root)
    {
        var flat = new FlatObject();
        if (root is not null)
        {
            WalkFields(schema, flat, root, FieldPath.Root, "");
        }

        return flat;
    }

    private static void Walk(FieldSchema schema, FlatObject flat, JsonNode? node, FieldPath path, string schemaPath)
    {
        switch (node)
        {
            case JsonObject fields when fields.Count > 0 && !schema.IsAtomicStruct(schemaPath):
                if (schema.IsMapField(schemaPath))
                {
                    flat.MapFields.Add(path);
                }

                WalkFields(schema, flat, fields, path, schemaPath);
                break;
            case JsonArray items when ListItems.Elements(schema.ListAt(schemaPath), items) is { } elements:
                WalkItems(schema, flat, items, elements, path, schemaPath);
                break;
            default:
                AddLeaf(flat, path, node);
                break;
        }
    }

    private static void WalkFields(FieldSchema schema, FlatObject flat, JsonObject fields, FieldPath path, string schemaPath)
    {
        foreach (var (name, value) in fields)
        {
            Walk(schema, flat, value, path.Field(name), FieldSchema.Child(schemaPath, name));
        }
    }

    private static void WalkItems(FieldSchema schema, FlatObject flat, JsonArray items, IReadOnlyList<string> elements, FieldPath path, string schemaPath)
    {
        for (var index = 0; index < items.Count; index++)
        {
            var itemPath = path.Append(elements[index]);
            if (items[index] is JsonObject fields)
            {
                flat.Members.Add(itemPath);
                WalkFields(schema, flat, fields, itemPath, schemaPath);
            }
            else
            {
                AddLeaf(flat, itemPath, items[index]);
            }
        }
    }

    private static void AddLeaf(FlatObject flat, FieldPath path, JsonNode? value)
    {
        flat.Members.Add(path);
        flat.Leaves[path] = value;
    }
}
