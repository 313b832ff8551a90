using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>A label selector object as its string form (LabelSelectorAsSelector(...).String(): sorted by key).</summary>
internal static class SelectorText
{
    public static string Render(JsonObject selector)
    {
        var isLabelSelector = selector.ContainsKey("matchLabels") || selector.ContainsKey("matchExpressions");
        var labels = isLabelSelector ? selector["matchLabels"] as JsonObject : selector;
        var parts = new List<(string Key, string Text)>();
        foreach (var (key, value) in labels ?? [])
        {
            parts.Add((key, $"{key}={value}"));
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = expression["key"]?.ToString() ?? string.Empty;
            var values = (expression["values"] as JsonArray ?? []).Select(v => v?.ToString()).Order(StringComparer.Ordinal);
            var text = expression["operator"]?.ToString() switch
            {
                "In" => $"{key} in ({string.Join(",", values)})",
                "NotIn" => $"{key} notin ({string.Join(",", values)})",
                "Exists" => key,
                _ => $"!{key}",
            };
            parts.Add((key, text));
        }

        return string.Join(",", parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Text));
    }
}
