using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace Declarative.Core.Templating;

/// <summary>
/// Converts JSON nodes to what a template walks (read-only <see cref="ValueMap"/> and <see cref="ValueList"/>,
/// string, long, decimal, double, bool, <see cref="NullValue"/>) and back (for toYaml and printing). Decimal keeps
/// a number's written scale, so <c>1.50</c> prints as <c>1.50</c>.
/// </summary>
internal static class TemplateValues
{
    public static readonly IReadOnlySet<string> RootNames = new HashSet<string>(["values", "env", "project", "module"], StringComparer.Ordinal);

    /// <summary>The names a template sees besides its functions, each read-only.</summary>
    public static void AddRoot(ScriptObject globals, TemplateContext context)
    {
        globals.SetValue("values", ToTemplate(context.Values, "values"), readOnly: true);
        globals.SetValue("env", Named("env", context.EnvironmentName), readOnly: true);
        globals.SetValue("project", Named("project", context.ProjectName), readOnly: true);
        globals.SetValue("module", Named("module", context.ModuleName), readOnly: true);
    }

    public static object ToTemplate(JsonNode? node, string path) => node switch
    {
        null => new NullValue(path),
        JsonObject map => Map(map, path),
        JsonArray list => List(list, path),
        JsonValue value => Scalar(value, path),
        _ => throw new InvalidOperationException($"Unexpected JSON node {node.GetType().Name}."),
    };

    public static JsonNode? ToJson(object? value) => value switch
    {
        null or StandIn => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        long number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        float number => JsonValue.Create(number),
        BigInteger number => JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture)),
        IDictionary<string, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        IEnumerable list => new JsonArray([.. list.Cast<object?>().Select(ToJson)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static ValueMap Map(JsonObject map, string path)
    {
        var result = new ValueMap(path, map.Count);
        foreach (var (key, child) in map)
        {
            result.SetValue(key, ToTemplate(child, ValuePaths.Member(path, key)), readOnly: true);
        }

        result.IsReadOnly = true;
        return result;
    }

    private static ValueList List(JsonArray list, string path)
    {
        var result = new ValueList(path, list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(ToTemplate(list[i], ValuePaths.Index(path, i)));
        }

        result.IsReadOnly = true;
        return result;
    }

    private static ValueMap Named(string path, string? name)
    {
        var result = new ValueMap(path, 1);
        result.SetValue("name", name, readOnly: true);
        result.IsReadOnly = true;
        return result;
    }

    private static object Scalar(JsonValue value, string path) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => Number(value.ToJsonString()),
        _ => new NullValue(path),
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
