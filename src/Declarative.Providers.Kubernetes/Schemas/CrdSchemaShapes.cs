using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>
/// Converts a CRD version's openAPIV3Schema (a structural schema) into the shapes the built-in kinds use, so one
/// walker checks both. Read: type, properties, additionalProperties, items, required, enum, pattern, minimum,
/// maximum (and exclusive), minLength, maxLength, minItems, maxItems, format, x-kubernetes-preserve-unknown-fields,
/// x-kubernetes-int-or-string, x-kubernetes-embedded-resource. Not read: allOf/anyOf/oneOf/not, CEL rules
/// (x-kubernetes-validations), uniqueness of list-map keys; nullable needs nothing, as every null is accepted.
/// </summary>
internal static class CrdSchemaShapes
{
    // A pattern is user input run against every value: a catastrophic one must not hang decl.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The shape of a custom resource: the schema's root, plus apiVersion, kind and the object metadata
    /// every resource has whatever the schema says about them.</summary>
    public static SchemaShape ForResource(JsonObject schema, ObjectShape objectMeta)
    {
        var root = Convert(schema);
        if (root is not ObjectShape obj)
        {
            return root;
        }

        var fields = obj.Fields
            .SetItem("apiVersion", new Lazy<SchemaShape>(new ScalarShape(ScalarKind.String, ValueRules.None)))
            .SetItem("kind", new Lazy<SchemaShape>(new ScalarShape(ScalarKind.String, ValueRules.None)))
            .SetItem("metadata", new Lazy<SchemaShape>(objectMeta));
        return obj with { Fields = fields };
    }

    public static SchemaShape Convert(JsonObject schema)
    {
        var rules = RulesOf(schema);
        if (IsTrue(schema, "x-kubernetes-int-or-string"))
        {
            return new ScalarShape(ScalarKind.IntOrString, rules);
        }

        var preserve = IsTrue(schema, "x-kubernetes-preserve-unknown-fields");
        var embedded = IsTrue(schema, "x-kubernetes-embedded-resource");
        return TextOf(schema["type"]) switch
        {
            "object" => ObjectOf(schema, rules, preserve, embedded),
            "array" => new ListShape(new Lazy<SchemaShape>(schema["items"] is JsonObject items ? Convert(items) : AnyShape.Instance), rules),
            "string" => new ScalarShape(ScalarKind.String, rules),
            "integer" => new ScalarShape(ScalarKind.Integer, rules),
            "number" => new ScalarShape(ScalarKind.Number, rules),
            "boolean" => new ScalarShape(ScalarKind.Boolean, rules),
            _ when schema["properties"] is JsonObject => ObjectOf(schema, rules, preserve, embedded),
            _ => AnyShape.Instance,
        };
    }

    private static SchemaShape ObjectOf(JsonObject schema, ValueRules rules, bool preserve, bool embedded)
    {
        var additional = schema["additionalProperties"];
        if (schema["properties"] is not JsonObject properties)
        {
            return additional switch
            {
                JsonObject values => new MapShape(new Lazy<SchemaShape>(Convert(values)), rules),
                JsonValue value when value.GetValueKind() == JsonValueKind.True => new MapShape(new Lazy<SchemaShape>(AnyShape.Instance), rules),
                _ => new ObjectShape("object", ImmutableDictionary<string, Lazy<SchemaShape>>.Empty, RequiredOf(schema), preserve, embedded, rules),
            };
        }

        var fields = properties
            .Where(p => p.Value is JsonObject)
            .ToImmutableDictionary(p => p.Key, p => new Lazy<SchemaShape>(Convert((JsonObject)p.Value!)), StringComparer.Ordinal);
        var keepsUnknown = preserve || additional is JsonObject || (additional is JsonValue v && v.GetValueKind() == JsonValueKind.True);
        return new ObjectShape("object", fields, RequiredOf(schema), keepsUnknown, embedded, rules);
    }

    private static ImmutableArray<string> RequiredOf(JsonObject schema) =>
        schema["required"] is JsonArray list ? [.. list.Select(TextOf).OfType<string>()] : [];

    private static ValueRules RulesOf(JsonObject schema)
    {
        var rules = new ValueRules(
            schema["enum"] is JsonArray values ? [.. values.Select(v => v?.ToJsonString() ?? "null")] : [],
            PatternOf(TextOf(schema["pattern"])),
            NumberOf(schema["minimum"]),
            IsTrue(schema, "exclusiveMinimum"),
            NumberOf(schema["maximum"]),
            IsTrue(schema, "exclusiveMaximum"),
            (long?)NumberOf(schema["minLength"]),
            (long?)NumberOf(schema["maxLength"]),
            (long?)NumberOf(schema["minItems"]),
            (long?)NumberOf(schema["maxItems"]),
            TextOf(schema["format"]));
        return rules.IsEmpty ? ValueRules.None : rules;
    }

    private static Regex? PatternOf(string? pattern)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            // RE2 syntax .NET does not read: the API server checks it; we do not guess.
            return null;
        }
    }

    private static bool IsTrue(JsonObject schema, string name) =>
        schema[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static string? TextOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? NumberOf(JsonNode? node) => node is null ? null : ScalarChecks.Number(node);
}
