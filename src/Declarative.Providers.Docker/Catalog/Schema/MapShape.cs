using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Core.Schemas;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>A map with free keys (checked by an optional rule, reported at the key) and values of one shape.</summary>
internal sealed class MapShape(ValueRule? keyRule, Shape values, string description) : Shape(description)
{
    public override bool Accepts(JsonNode node) => node is JsonObject;

    public override JsonObject ToJsonSchema()
    {
        var schema = new JsonObject { ["type"] = "object" };
        if (keyRule?.Pattern is { } pattern)
        {
            schema["propertyNames"] = new JsonObject
            {
                ["description"] = $"{keyRule.What}: {keyRule.Syntax}",
                ["pattern"] = JsonSchemaFragments.WholeOrTemplated(pattern),
            };
        }

        schema["additionalProperties"] = values.ToJsonSchema();
        return schema;
    }

    public override void CheckContent(JsonNode node, string pointer, SchemaWalk walk)
    {
        foreach (var (key, value) in node.AsObject())
        {
            var entry = JsonPointer.Append(pointer, key);
            if (keyRule is not null)
            {
                walk.CheckKey(entry, keyRule, key);
            }

            values.Validate(value, entry, walk);
        }
    }
}
