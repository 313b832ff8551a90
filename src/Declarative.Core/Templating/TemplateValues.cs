using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Core.Templating;

/// <summary>
/// Converts JSON nodes to what Handlebars walks (dictionaries, lists, string, long, decimal, double, bool, null)
/// and back (for toYaml). Decimal keeps a number's written scale, so <c>1.50</c> prints as <c>1.50</c>.
/// </summary>
internal static class TemplateValues
{
    public static Dictionary<string, object?> Root(TemplateContext context) => new(StringComparer.Ordinal)
    {
        ["values"] = ToTemplate(context.Values),
        ["env"] = Named(context.EnvironmentName),
        ["project"] = Named(context.ProjectName),
        ["module"] = Named(context.ModuleName),
    };

    public static object? ToTemplate(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(p => p.Key, p => ToTemplate(p.Value), StringComparer.Ordinal),
        JsonArray list => list.Select(ToTemplate).ToList(),
        JsonValue value => Scalar(value),
        _ => throw new InvalidOperationException($"Unexpected JSON node {node.GetType().Name}."),
    };

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<string, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        IEnumerable<object?> list => new JsonArray([.. list.Select(ToJson)]),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        long number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static Dictionary<string, object?> Named(string? name) => new(StringComparer.Ordinal) { ["name"] = name };

    private static object? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        // U+001F delimits the renderer's markers and YAML forbids it anyway.
        JsonValueKind.String => value.GetValue<string>().Replace(Markers.Delimiter, '\uFFFD'),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => Number(value.ToJsonString()),
        _ => null,
    };

    private static object Number(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && !text.Contains('e', StringComparison.OrdinalIgnoreCase)
            ? exact
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
