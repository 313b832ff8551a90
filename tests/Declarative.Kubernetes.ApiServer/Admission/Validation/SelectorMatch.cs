using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>metav1.LabelSelectorAsSelector and Matches: matchLabels and matchExpressions (In, NotIn, Exists,
/// DoesNotExist) all have to hold; a missing selector matches nothing, an empty one everything.</summary>
internal static class SelectorMatch
{
    public static bool IsEmpty(JsonObject selector) =>
        JsonTree.Existing(selector, "matchLabels") is not { Count: > 0 } && selector["matchExpressions"] is not JsonArray { Count: > 0 };

    public static bool Matches(JsonObject? selector, JsonObject? labels)
    {
        if (selector is null)
        {
            return false;
        }

        var set = JsonTree.StringMap(labels);
        var byLabels = JsonTree.StringMap(JsonTree.Existing(selector, "matchLabels"))
            .All(pair => set.TryGetValue(pair.Key, out var value) && value == pair.Value);
        return byLabels && JsonTree.Items(selector, "matchExpressions").All(e => Holds(e.Item, set));
    }

    private static bool Holds(JsonObject requirement, IReadOnlyDictionary<string, string> labels)
    {
        var key = JsonTree.Text(requirement, "key") ?? string.Empty;
        var values = requirement["values"] is JsonArray array
            ? array.Select(v => v is JsonValue s && s.TryGetValue(out string? text) ? text : null).ToHashSet()
            : [];
        var present = labels.TryGetValue(key, out var value);
        return JsonTree.Text(requirement, "operator") switch
        {
            "In" => present && values.Contains(value),
            "NotIn" => !present || !values.Contains(value),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => false,
        };
    }
}
