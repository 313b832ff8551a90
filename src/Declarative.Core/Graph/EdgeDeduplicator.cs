using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>Keeps one edge per (From, To): the first required or explicit one, else the first implicit one.
/// The result is sorted by (From, To).</summary>
internal static class EdgeDeduplicator
{
    public static ImmutableArray<Edge> Deduplicate(IEnumerable<Edge> edges)
    {
        var kept = new Dictionary<(ResourceAddress From, ResourceAddress To), Edge>();
        foreach (var edge in edges)
        {
            var key = (edge.From, edge.To);
            if (!kept.TryGetValue(key, out var existing)
                || (existing.Kind == DependencyKind.Implicit && edge.Kind != DependencyKind.Implicit))
            {
                kept[key] = edge;
            }
        }

        return [.. kept.Values.OrderBy(e => e.From).ThenBy(e => e.To)];
    }
}
