using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>Kahn's algorithm with a sorted ready set: dependencies first, ties broken by address, so the same
/// graph always gives the same order.</summary>
internal static class TopologicalOrder
{
    public static ImmutableArray<ResourceAddress> Sort(IEnumerable<ResourceAddress> nodes, ImmutableArray<Edge> edges)
    {
        var waitingOn = nodes.ToDictionary(n => n, _ => 0);
        var dependents = waitingOn.Keys.ToDictionary(n => n, _ => new List<ResourceAddress>());
        foreach (var edge in edges.Where(e => waitingOn.ContainsKey(e.From) && waitingOn.ContainsKey(e.To)))
        {
            waitingOn[edge.From]++;
            dependents[edge.To].Add(edge.From);
        }

        var ready = new SortedSet<ResourceAddress>(waitingOn.Where(p => p.Value == 0).Select(p => p.Key));
        var order = ImmutableArray.CreateBuilder<ResourceAddress>(waitingOn.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var dependent in dependents[next])
            {
                waitingOn[dependent]--;
                if (waitingOn[dependent] == 0)
                {
                    ready.Add(dependent);
                }
            }
        }

        // Resources on or behind a cycle never become ready; listing them keeps a partial graph printable.
        order.AddRange(waitingOn.Where(p => p.Value > 0).Select(p => p.Key).Order());
        return order.ToImmutable();
    }
}
