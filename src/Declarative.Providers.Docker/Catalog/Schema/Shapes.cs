using System.Collections.Immutable;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>Builders that keep a schema declaration to one line per field.</summary>
internal static class Shapes
{
    public static readonly ScalarShape TrueOrFalse = new(ScalarType.Boolean, "a boolean (true or false)");

    public static ScalarShape String(ValueRule? rule = null) => new(ScalarType.String, "a string", rule);

    public static ScalarShape Number(ValueRule rule) => new(ScalarType.Number, "a number", rule);

    public static ListShape StringList(ValueRule? rule = null) => new(String(rule), "a list of strings");

    public static MapShape StringMap(ValueRule? keyRule = null) => new(keyRule, String(), "a map of strings to strings");

    /// <summary>Values may be strings, numbers or booleans; numbers and booleans are passed on as their text.</summary>
    public static MapShape ScalarMap(ValueRule keyRule) =>
        new(keyRule, new ScalarShape(ScalarType.Any, "a string, number or boolean"), "a map of names to strings, numbers or booleans");

    public static OneOfShape StringOrList(ValueRule? stringRule = null, ListRule? listRule = null) =>
        new([String(stringRule), new ListShape(String(), "a list of strings", listRule)], "a string or a list of strings");

    public static ObjectShape Object(params FieldSpec[] fields) => new([.. fields]);

    public static FieldSpec Field(string name, Shape shape) => new(name, shape);

    public static FieldSpec Required(string name, Shape shape) => new(name, shape, Required: true);

    public static ImmutableDictionary<string, string> Pairs(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
