using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Core.Schemas;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>
/// A map with known fields: unknown keys are DCL120 (with a hint for common mistakes, else a "did you mean"),
/// required fields DCL121, and two cross-field rules: <see cref="Needs"/> (a field that only makes sense with
/// another) and <see cref="ExactlyOneOf"/> (alternatives such as fromEnv / fromFile).
/// </summary>
internal sealed class ObjectShape(ImmutableArray<FieldSpec> fields) : Shape("a map")
{
    public ImmutableArray<FieldSpec> Fields { get; } = fields;

    /// <summary>Field -> the field it needs.</summary>
    public ImmutableDictionary<string, string> Needs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Field names of which exactly one must be present; empty for none.</summary>
    public ImmutableArray<string> ExactlyOneOf { get; init; } = [];

    /// <summary>Unknown field name -> a sentence that explains the mistake and what to do instead.</summary>
    public ImmutableDictionary<string, string> Hints { get; init; } = ImmutableDictionary<string, string>.Empty;

    public override bool Accepts(JsonNode node) => node is JsonObject;

    /// <summary>Unknown keys are refused (additionalProperties: false); an optional field may be null, which counts as
    /// absent; <see cref="Needs"/> and <see cref="ExactlyOneOf"/> compare presence the same way.</summary>
    public override JsonObject ToJsonSchema()
    {
        var properties = new JsonObject();
        foreach (var field in Fields)
        {
            var value = field.Shape.ToJsonSchema();
            properties[field.Name] = field.Required ? value : JsonSchemaFragments.AllowNull(value);
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (Fields.Any(f => f.Required))
        {
            schema["required"] = new JsonArray([.. Fields.Where(f => f.Required).Select(f => (JsonNode)f.Name)]);
        }

        schema["additionalProperties"] = false;
        if (!Needs.IsEmpty)
        {
            schema["allOf"] = new JsonArray([.. Needs.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (JsonNode)new JsonObject
            {
                ["if"] = JsonSchemaFragments.Present(n.Key),
                ["then"] = JsonSchemaFragments.Present(n.Value),
            })]);
        }

        if (!ExactlyOneOf.IsEmpty)
        {
            schema["oneOf"] = new JsonArray([.. ExactlyOneOf.Select(name => (JsonNode)JsonSchemaFragments.Present(name))]);
        }

        return schema;
    }

    public override void CheckContent(JsonNode node, string pointer, SchemaWalk walk)
    {
        var obj = node.AsObject();
        foreach (var (key, value) in obj)
        {
            var field = Fields.FirstOrDefault(f => f.Name == key);
            if (field is null)
            {
                walk.UnknownField(JsonPointer.Append(pointer, key), [.. Fields.Select(f => f.Name)], Hints.GetValueOrDefault(key));
            }
            else if (value is not null)
            {
                field.Shape.Validate(value, JsonPointer.Append(pointer, key), walk);
            }
        }

        CheckPresence(obj, pointer, walk);
    }

    private void CheckPresence(JsonObject obj, string pointer, SchemaWalk walk)
    {
        foreach (var field in Fields.Where(f => f.Required && !IsPresent(obj, f.Name)))
        {
            walk.MissingField(pointer, field);
        }

        foreach (var (field, needed) in Needs.Where(n => IsPresent(obj, n.Key) && !IsPresent(obj, n.Value)).OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            walk.MissingCompanion(pointer, field, needed);
        }

        if (!ExactlyOneOf.IsEmpty && ExactlyOneOf.Count(name => IsPresent(obj, name)) != 1)
        {
            walk.NotExactlyOne(pointer, ExactlyOneOf, [.. ExactlyOneOf.Where(name => IsPresent(obj, name))]);
        }
    }

    private static bool IsPresent(JsonObject obj, string name) => obj[name] is not null;
}
