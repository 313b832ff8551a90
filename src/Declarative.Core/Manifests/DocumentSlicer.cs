using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>Expands kubectl's <c>kind: List</c> (and <c>*List</c>) documents into their items, keeping every
/// item's positions.</summary>
internal static class DocumentSlicer
{
    public static bool IsList(JsonObject content) =>
        content["kind"] is JsonValue kind && kind.TryGetValue<string>(out var name) && name.EndsWith("List", StringComparison.Ordinal)
        && content["items"] is JsonArray
        && content["apiVersion"] is JsonValue;

    public static IEnumerable<(JsonNode? Item, DocumentSource Source)> Items(JsonObject list, DocumentSource source)
    {
        var items = (JsonArray)list["items"]!;
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = JsonPointer.Append("/items", i);
            yield return (items[i]?.DeepClone(), Rebase(source, prefix));
        }
    }

    private static DocumentSource Rebase(DocumentSource source, string prefix) => source with
    {
        Start = source.ValuePositions.TryGetValue(prefix, out var start) ? start : source.Start,
        ValuePositions = Rebase(source.ValuePositions, prefix),
        KeyPositions = Rebase(source.KeyPositions, prefix),
    };

    private static ImmutableDictionary<string, SourcePosition> Rebase(ImmutableDictionary<string, SourcePosition> positions, string prefix) =>
        positions
            .Where(p => p.Key == prefix || p.Key.StartsWith(prefix + "/", StringComparison.Ordinal))
            .ToImmutableDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
}
