using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>
/// Strategic merge patch for built-in kinds (apimachinery strategicpatch, reference 3.5): a merge patch whose
/// merge-keyed lists (<see cref="StrategicMergeKeys"/>) merge item by item, with the directives <c>$patch:
/// replace|delete|merge</c> (on maps and on list items), <c>$retainKeys</c>, <c>$setElementOrder/&lt;list&gt;</c>
/// and <c>$deleteFromPrimitiveList/&lt;list&gt;</c>. Inputs are never mutated.
/// </summary>
internal static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonObject map)
        {
            throw StatusFactory.BadRequest("json: cannot unmarshal array into Go value of type map[string]interface {}");
        }

        return MergeMap(target, map, string.Empty) ?? [];
    }

    /// <summary>The merged map; null when the patch says <c>$patch: delete</c>.</summary>
    private static JsonObject? MergeMap(JsonObject? live, JsonObject patch, string path)
    {
        switch (Directive(patch))
        {
            case "delete":
                return null;
            case "replace":
                return (JsonObject)Clean(patch)!;
        }

        var result = (JsonObject?)live?.DeepClone() ?? [];
        foreach (var (field, value) in patch)
        {
            if (field.StartsWith('$'))
            {
                continue;
            }

            var child = path.Length == 0 ? field : path + "." + field;
            switch (value)
            {
                case null:
                    result.Remove(field);
                    break;
                case JsonObject map:
                    SetOrRemove(result, field, MergeMap(result[field] as JsonObject, map, child));
                    break;
                case JsonArray list:
                    result[field] = MergeList(result[field] as JsonArray, list, child);
                    break;
                default:
                    result[field] = value.DeepClone();
                    break;
            }
        }

        ApplyListDirectives(result, patch, path);
        if (patch[RetainKeys] is JsonArray retained)
        {
            var keep = retained.Select(k => k?.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var field in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                result.Remove(field);
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray? live, JsonArray patch, string path)
    {
        var key = StrategicMergeKeys.For(path);
        if (patch.OfType<JsonObject>().Any(IsListReplace))
        {
            return new JsonArray([.. patch.Where(item => item is not JsonObject o || !IsListReplace(o)).Select(Clean)]);
        }

        if (key is null)
        {
            return StrategicMergeKeys.IsMergedSet(path) ? Union(live, patch) : (JsonArray)Clean(patch)!;
        }

        var items = live?.Select(item => item?.DeepClone()).ToList() ?? [];
        foreach (var item in patch.OfType<JsonObject>())
        {
            var index = items.FindIndex(existing => existing is JsonObject o && JsonNode.DeepEquals(o[key], item[key]));
            if (Directive(item) == "delete")
            {
                items.RemoveAll(existing => existing is JsonObject o && JsonNode.DeepEquals(o[key], item[key]));
            }
            else if (index >= 0)
            {
                items[index] = MergeMap(items[index] as JsonObject, item, path);
            }
            else
            {
                items.Add(MergeMap(null, item, path));
            }
        }

        return new JsonArray([.. items.Where(item => item is not null)]);
    }

    private static JsonArray Union(JsonArray? live, JsonArray patch)
    {
        var items = live?.Select(item => item?.DeepClone()).ToList() ?? [];
        items.AddRange(patch.Where(value => !items.Any(existing => JsonNode.DeepEquals(existing, value))).Select(value => value?.DeepClone()));
        return new JsonArray([.. items]);
    }

    private static void ApplyListDirectives(JsonObject result, JsonObject patch, string path)
    {
        foreach (var (field, value) in patch)
        {
            if (field.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) && value is JsonArray removed
                && result[field[DeleteFromPrimitiveList.Length..]] is JsonArray values)
            {
                foreach (var item in values.Where(v => removed.Any(r => JsonNode.DeepEquals(r, v))).ToList())
                {
                    values.Remove(item);
                }
            }
            else if (field.StartsWith(SetElementOrder, StringComparison.Ordinal) && value is JsonArray order
                && result[field[SetElementOrder.Length..]] is JsonArray list)
            {
                var listField = field[SetElementOrder.Length..];
                result[listField] = Reorder(list, order, StrategicMergeKeys.For(path.Length == 0 ? listField : path + "." + listField));
            }
        }
    }

    /// <summary>Items named in the order come first, in that order; the others keep their relative order after.</summary>
    private static JsonArray Reorder(JsonArray list, JsonArray order, string? key)
    {
        var items = list.Select(item => item?.DeepClone()).ToList();
        var ordered = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var match = items.FirstOrDefault(item => key is null
                ? JsonNode.DeepEquals(item, wanted)
                : item is JsonObject o && JsonNode.DeepEquals(o[key], wanted?[key]));
            if (match is not null)
            {
                ordered.Add(match);
                items.Remove(match);
            }
        }

        return new JsonArray([.. ordered.Concat(items)]);
    }

    private static void SetOrRemove(JsonObject target, string field, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(field);
        }
        else
        {
            target[field] = value;
        }
    }

    /// <summary>An item that is only <c>{"$patch": "replace"}</c> replaces the whole list.</summary>
    private static bool IsListReplace(JsonObject item) => item.Count == 1 && Directive(item) == "replace";

    private static string? Directive(JsonObject map) => map[PatchDirective] is JsonValue v && v.TryGetValue(out string? text) ? text : null;

    /// <summary>A copy without any directive keys, for values that replace rather than merge.</summary>
    private static JsonNode? Clean(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.Where(p => !p.Key.StartsWith('$')).Select(p => KeyValuePair.Create(p.Key, Clean(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Clean)]),
        _ => node?.DeepClone(),
    };
}
