namespace Declarative.KubeSchemaGen;

/// <summary>One entry of "types" as the generator writes it; every collection is ordinal-sorted.</summary>
internal sealed record TypeSchema(
    SortedDictionary<string, string> Properties,
    SortedSet<string> Required,
    SortedDictionary<string, string[]> Enums,
    SortedDictionary<string, string> MergeKeys);
