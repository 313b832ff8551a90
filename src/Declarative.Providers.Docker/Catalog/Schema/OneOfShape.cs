using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>One of several shapes, chosen by the JSON kind of the value (a string or a list of strings).</summary>
internal sealed class OneOfShape(ImmutableArray<Shape> alternatives, string description) : Shape(description)
{
    public override bool Accepts(JsonNode node) => alternatives.Any(shape => shape.Accepts(node));

    /// <summary>anyOf, not oneOf: the alternatives differ in their JSON kind, so at most one can match anyway, and
    /// an editor reports the closest alternative's problem instead of "matches none".</summary>
    public override JsonObject ToJsonSchema() => new()
    {
        ["description"] = Description,
        ["anyOf"] = new JsonArray([.. alternatives.Select(shape => (JsonNode)shape.ToJsonSchema())]),
    };

    public override void CheckContent(JsonNode node, string pointer, SchemaWalk walk) =>
        alternatives.First(shape => shape.Accepts(node)).CheckContent(node, pointer, walk);
}
