using System.Text.Json.Nodes;

namespace Declarative.Core.Planning.Diff;

/// <summary>
/// One side of a comparison at one place in a tree. A key that holds JSON null exists with a null node, which
/// is not the same as a key that is absent: only the absent one can be an addition or a removal.
/// </summary>
internal readonly record struct Slot(bool Exists, JsonNode? Node)
{
    public static Slot Absent { get; } = new(false, null);

    public static Slot Of(JsonNode? node) => new(true, node);

    public static Slot Root(JsonNode? node) => node is null ? Absent : Of(node);

    public static Slot Key(JsonObject? parent, string key) =>
        parent is not null && parent.TryGetPropertyValue(key, out var value) ? Of(value) : Absent;

    public static Slot Item(JsonArray? list, int index) => list is not null && index < list.Count ? Of(list[index]) : Absent;
}
