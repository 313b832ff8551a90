using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>
/// What a field's value must look like. <see cref="Validate"/> checks the JSON kind first (a wrong kind is one
/// DCL122 and nothing below it is checked), then <see cref="CheckContent"/> checks what is inside.
/// </summary>
internal abstract class Shape(string description)
{
    /// <summary>How the shape reads in "must be ..." sentences: "a string", "a list of strings".</summary>
    public string Description { get; } = description;

    public abstract bool Accepts(JsonNode node);

    /// <summary>The same rules as JSON Schema (draft 2020-12), for editors: what <see cref="Validate"/> refuses, the
    /// schema refuses too, except where a rule has no regular expression (ports, addresses: a description then).</summary>
    public abstract JsonObject ToJsonSchema();

    /// <summary>Checks a node that <see cref="Accepts"/> already accepted.</summary>
    public abstract void CheckContent(JsonNode node, string pointer, SchemaWalk walk);

    public void Validate(JsonNode? node, string pointer, SchemaWalk walk)
    {
        if (node is null || !Accepts(node))
        {
            walk.WrongType(pointer, this, node);
            return;
        }

        CheckContent(node, pointer, walk);
    }
}
