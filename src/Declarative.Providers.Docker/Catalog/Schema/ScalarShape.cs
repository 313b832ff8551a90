using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>A string, number or boolean, with an optional syntax rule on its text.</summary>
internal sealed class ScalarShape(ScalarType type, string description, ValueRule? rule = null) : Shape(description)
{
    public ScalarType Type { get; } = type;

    public override bool Accepts(JsonNode node) => JsonKinds.IsScalar(node, Type);

    public override void CheckContent(JsonNode node, string pointer, SchemaWalk walk)
    {
        if (rule is not null && JsonKinds.Text(node) is { } text)
        {
            walk.CheckValue(pointer, rule, text, node);
        }
    }
}
