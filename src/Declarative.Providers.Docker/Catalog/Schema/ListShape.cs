using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>A list whose items all have one shape, with an optional rule on the whole list of strings.</summary>
internal sealed class ListShape(Shape items, string description, ListRule? rule = null) : Shape(description)
{
    public override bool Accepts(JsonNode node) => node is JsonArray;

    public override JsonObject ToJsonSchema()
    {
        var schema = new JsonObject { ["type"] = "array", ["items"] = items.ToJsonSchema() };
        if (rule is not null)
        {
            schema["description"] = $"{rule.What}: {rule.Syntax}";
        }

        return schema;
    }

    public override void CheckContent(JsonNode node, string pointer, SchemaWalk walk)
    {
        var array = node.AsArray();
        for (var i = 0; i < array.Count; i++)
        {
            items.Validate(array[i], JsonPointer.Append(pointer, i), walk);
        }

        if (rule is not null && array.All(item => item is not null && JsonKinds.IsScalar(item, ScalarType.String)))
        {
            walk.CheckList(pointer, rule, [.. array.Select(item => item!.GetValue<string>())], node);
        }
    }
}
