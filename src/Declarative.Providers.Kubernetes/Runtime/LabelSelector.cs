using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>Whether a metav1.LabelSelector selects a set of labels: every matchLabels pair and every
/// matchExpressions requirement (In, NotIn, Exists, DoesNotExist) has to hold.</summary>
internal static class LabelSelector
{
    public static bool Matches(JsonObject selector, JsonObject? labels)
    {
        string? Label(string key) => JsonText.Of(labels?[key]);
        var byLabels = (selector["matchLabels"] as JsonObject ?? []).All(pair => Label(pair.Key) is { } value && value == JsonText.Of(pair.Value));
        return byLabels && (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>().All(requirement => Holds(requirement, Label));
    }

    private static bool Holds(JsonObject requirement, Func<string, string?> label)
    {
        var value = label(JsonText.Of(requirement["key"]) ?? string.Empty);
        var values = (requirement["values"] as JsonArray ?? []).Select(JsonText.Of).ToHashSet(StringComparer.Ordinal);
        return JsonText.Of(requirement["operator"]) switch
        {
            "In" => value is not null && values.Contains(value),
            "NotIn" => value is null || !values.Contains(value),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            _ => false,
        };
    }
}
