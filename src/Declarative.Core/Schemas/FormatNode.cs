using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Schemas;

/// <summary>
/// What one place of a file of Declarative's own formats (declarative.yaml, module.yaml) accepts. The parsers read
/// the field names they allow from here (an unknown field is DCL104) and <see cref="ToJsonSchema"/> writes the same
/// rules for editors. An optional field may be null: the parsers read null as absent.
/// </summary>
internal sealed record FormatNode(string Description)
{
    /// <summary>The JSON Schema type ("object", "string", "array", "boolean"); null for any value.</summary>
    public string? Type { get; init; }

    /// <summary>The known fields of a map.</summary>
    public ImmutableArray<FormatField> Fields { get; init; } = [];

    /// <summary>True when a field not in <see cref="Fields"/> is an error; false for free-form maps (metadata).</summary>
    public bool Closed { get; init; }

    /// <summary>A map with free keys: the shape of every value.</summary>
    public FormatNode? Values { get; init; }

    /// <summary>A map with free keys: the regular expression every key matches, and its length limit.</summary>
    public string? KeyPattern { get; init; }

    public int? KeyMaxLength { get; init; }

    public FormatNode? Items { get; init; }

    /// <summary>The whole text matches it (anchored when written as JSON Schema).</summary>
    public string? Pattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public ImmutableArray<string> Enum { get; init; } = [];

    public string? Const { get; init; }

    /// <summary>A value of a free-key map or a list item that may be null (read as an empty map).</summary>
    public bool Nullable { get; init; }

    public ImmutableArray<FormatCondition> Conditions { get; init; } = [];

    /// <summary>The known field names, in the order the parser lists them in "accepts: ..." messages.</summary>
    public string[] FieldNames => [.. Fields.Select(f => f.Name)];

    public JsonObject ToJsonSchema()
    {
        var schema = new JsonObject { ["description"] = Description };
        if (Const is not null)
        {
            schema["const"] = Const;
        }

        if (!Enum.IsEmpty)
        {
            schema["enum"] = new JsonArray([.. Enum.Select(value => (JsonNode)value)]);
        }

        if (Type is not null)
        {
            schema["type"] = Type;
        }

        AddText(schema);
        AddFields(schema);
        AddValuesAndItems(schema);
        if (!Conditions.IsEmpty)
        {
            schema["allOf"] = new JsonArray([.. Conditions.Select(condition => (JsonNode)condition.ToJsonSchema())]);
        }

        return Nullable ? JsonSchemaFragments.AllowNull(schema) : schema;
    }

    private void AddText(JsonObject schema)
    {
        if (Pattern is not null)
        {
            schema["pattern"] = $"^(?:{Pattern})$";
        }

        if (MinLength is { } min)
        {
            schema["minLength"] = min;
        }

        if (MaxLength is { } max)
        {
            schema["maxLength"] = max;
        }
    }

    private void AddFields(JsonObject schema)
    {
        if (Fields.IsEmpty && !Closed)
        {
            return;
        }

        var properties = new JsonObject();
        foreach (var field in Fields)
        {
            var value = field.Node.ToJsonSchema();
            properties[field.Name] = field.Required ? value : JsonSchemaFragments.AllowNull(value);
        }

        schema["properties"] = properties;
        if (Fields.Any(f => f.Required))
        {
            schema["required"] = new JsonArray([.. Fields.Where(f => f.Required).Select(f => (JsonNode)f.Name)]);
        }

        if (Closed)
        {
            schema["additionalProperties"] = false;
        }
    }

    private void AddValuesAndItems(JsonObject schema)
    {
        if (KeyPattern is not null)
        {
            var names = new JsonObject { ["pattern"] = $"^(?:{KeyPattern})$" };
            if (KeyMaxLength is { } max)
            {
                names["maxLength"] = max;
            }

            schema["propertyNames"] = names;
        }

        if (Values is not null)
        {
            schema["additionalProperties"] = Values.ToJsonSchema();
        }

        if (Items is not null)
        {
            schema["items"] = Items.ToJsonSchema();
        }
    }
}

/// <summary>A field of a map; a required field must be there and not null.</summary>
internal sealed record FormatField(string Name, FormatNode Node, bool Required = false);

/// <summary>
/// A rule that depends on another field of the same map: when <see cref="Field"/> is <see cref="Value"/>,
/// <see cref="Then"/> applies, otherwise <see cref="Else"/> (built on each call: JSON nodes have one parent).
/// </summary>
internal sealed record FormatCondition(string Field, string Value, Func<JsonObject>? Then, Func<JsonObject>? Else)
{
    public JsonObject ToJsonSchema()
    {
        var rule = new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["required"] = new JsonArray(Field),
                ["properties"] = new JsonObject { [Field] = new JsonObject { ["const"] = Value } },
            },
        };
        if (Then is not null)
        {
            rule["then"] = Then();
        }

        if (Else is not null)
        {
            rule["else"] = Else();
        }

        return rule;
    }
}
