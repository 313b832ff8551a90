using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>Merges an applied configuration into the live object: applied values win, structs and maps merge
/// field by field, set and associative lists merge item by item, everything else is replaced.</summary>
internal static class ObjectMerger
{
    public static JsonObject Merge(FieldSchema schema, JsonObject live, JsonObject applied) =>
        MergeFields(schema, live, applied, "");

    private static JsonNode? Merge(FieldSchema schema, JsonNode? live, JsonNode applied, string schemaPath)
    {
        if (applied is JsonObject appliedFields && live is JsonObject liveFields && !schema.IsAtomicStruct(schemaPath))
        {
            return MergeFields(schema, liveFields, appliedFields, schemaPath);
        }

        if (applied is JsonArray appliedItems && live is JsonArray liveItems)
        {
            var type = schema.ListAt(schemaPath);
            var liveElements = ListItems.Elements(type, liveItems);
            var appliedElements = ListItems.Elements(type, appliedItems);
            if (liveElements is not null && appliedElements is not null)
            {
                return MergeItems(schema, new(liveItems, liveElements), new(appliedItems, appliedElements), schemaPath);
            }
        }

        return applied.DeepClone();
    }

    private static JsonObject MergeFields(FieldSchema schema, JsonObject live, JsonObject applied, string schemaPath)
    {
        var result = (JsonObject)live.DeepClone();
        foreach (var (name, value) in applied)
        {
            if (value is null)
            {
                // An explicit null in an apply configuration clears the field.
                result.Remove(name);
                continue;
            }

            live.TryGetPropertyValue(name, out var current);
            result[name] = Merge(schema, current, value, FieldSchema.Child(schemaPath, name));
        }

        return result;
    }

    /// <summary>Live-only items keep their place; applied items come in applied order, each merged with its live
    /// twin, placed where the first shared item was (close to structured-merge-diff's ordering).</summary>
    private static JsonArray MergeItems(FieldSchema schema, KeyedItems live, KeyedItems applied, string schemaPath)
    {
        var result = new JsonArray();
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var next = 0;
        for (var index = 0; index < live.Items.Count; index++)
        {
            var element = live.Elements[index];
            if (!applied.Contains(element))
            {
                result.Add(live.Items[index]?.DeepClone());
                continue;
            }

            while (next < applied.Items.Count && !emitted.Contains(element))
            {
                Emit(applied.Elements[next++]);
            }
        }

        for (; next < applied.Items.Count; next++)
        {
            Emit(applied.Elements[next]);
        }

        return result;

        void Emit(string element)
        {
            if (!emitted.Add(element) || applied.Find(element) is not { } appliedItem)
            {
                return;
            }

            result.Add(live.Contains(element) ? Merge(schema, live.Find(element), appliedItem, schemaPath) : appliedItem.DeepClone());
        }
    }

    private sealed record KeyedItems(JsonArray Items, IReadOnlyList<string> Elements)
    {
        public bool Contains(string element) => Elements.Contains(element);

        public JsonNode? Find(string element) => Items[Elements.ToList().IndexOf(element)];
    }
}
