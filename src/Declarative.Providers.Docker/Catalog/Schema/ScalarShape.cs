using System.Text.Json.Nodes;
using Declarative.Core.Schemas;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>A string, number or boolean, with an optional syntax rule on its text.</summary>
internal sealed class ScalarShape(ScalarType type, string description, ValueRule? rule = null) : Shape(description)
{
    public ScalarType Type { get; } = type;

    public override bool Accepts(JsonNode node) => JsonKinds.IsScalar(node, Type);

    public override JsonObject ToJsonSchema()
    {
        var schema = new JsonObject
        {
            ["type"] = Type switch
            {
                ScalarType.String => "string",
                ScalarType.Boolean => "boolean",
                ScalarType.Number => rule is { WholeNumber: true } ? "integer" : "number",
                _ => new JsonArray("string", "number", "boolean"),
            },
        };
        if (rule is null)
        {
            return schema;
        }

        schema["description"] = $"{rule.What}: {rule.Syntax}";
        if (rule.Pattern is { } pattern && Type == ScalarType.String)
        {
            schema["pattern"] = JsonSchemaFragments.WholeOrTemplated(pattern);
        }

        if (rule.WholeNumber)
        {
            schema["minimum"] = 0;
        }

        return schema;
    }

    public override void CheckContent(JsonNode node, string pointer, SchemaWalk walk)
    {
        if (rule is not null && JsonKinds.Text(node) is { } text)
        {
            walk.CheckValue(pointer, rule, text, node);
        }
    }
}
