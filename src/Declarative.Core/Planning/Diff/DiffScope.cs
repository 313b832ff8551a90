using System.Text.Json.Nodes;

namespace Declarative.Core.Planning.Diff;

/// <summary>
/// The part of the scope tree (normally the last applied object) that lies at the current place. A field that is
/// absent from the desired object is compared only when the scope holds it, so fields the server filled in
/// (status, uid, defaults) are never reported. <see cref="All"/> compares every field.
/// </summary>
internal readonly record struct DiffScope(bool All, JsonNode? Node)
{
    public static DiffScope Everything { get; } = new(true, null);

    public static DiffScope Of(JsonNode? node) => node is null ? Everything : new(false, node);

    public bool IncludesKey(string key) => All || (Node is JsonObject obj && obj.ContainsKey(key));

    public DiffScope Key(string key) => All ? this : new(false, Node is JsonObject obj ? obj[key] : null);

    public bool IncludesIndex(int index) => All || (Node is JsonArray list && index < list.Count);

    public DiffScope Index(int index) => All ? this : new(false, Node is JsonArray list && index < list.Count ? list[index] : null);
}
