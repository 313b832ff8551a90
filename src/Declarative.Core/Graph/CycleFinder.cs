using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// Finds one cycle per strongly connected component (Tarjan), plus every self reference. Each cycle is the
/// shortest one through the component's smallest address, in reading order starting there (A -> B, B -> C,
/// C -> A), so the same graph always gives the same message. Cycles are sorted by their first address.
/// </summary>
internal sealed class CycleFinder
{
    private readonly Dictionary<ResourceAddress, List<Edge>> _outgoing;
    private readonly Dictionary<ResourceAddress, int> _index = [];
    private readonly Dictionary<ResourceAddress, int> _lowLink = [];
    private readonly Stack<ResourceAddress> _stack = new();
    private readonly HashSet<ResourceAddress> _onStack = [];
    private readonly List<List<ResourceAddress>> _components = [];

    private CycleFinder(IEnumerable<ResourceAddress> nodes, ImmutableArray<Edge> sortedEdges)
    {
        _outgoing = nodes.ToDictionary(n => n, _ => new List<Edge>());
        foreach (var edge in sortedEdges.Where(e => _outgoing.ContainsKey(e.From) && _outgoing.ContainsKey(e.To)))
        {
            _outgoing[edge.From].Add(edge);
        }
    }

    /// <param name="sortedEdges">Edges sorted by (From, To), which makes the choice of cycle deterministic.</param>
    public static ImmutableArray<ImmutableArray<Edge>> Find(IEnumerable<ResourceAddress> nodes, ImmutableArray<Edge> sortedEdges)
    {
        var finder = new CycleFinder(nodes, sortedEdges);
        foreach (var node in finder._outgoing.Keys.Order())
        {
            if (!finder._index.ContainsKey(node))
            {
                finder.Connect(node);
            }
        }

        var selfReferences = sortedEdges.Where(e => e.From == e.To).Select(e => ImmutableArray.Create(e));
        var cycles = finder._components.Where(c => c.Count > 1).Select(finder.ShortestCycle);
        return [.. selfReferences.Concat(cycles).OrderBy(c => c[0].From)];
    }

    private void Connect(ResourceAddress node)
    {
        _index[node] = _lowLink[node] = _index.Count;
        _stack.Push(node);
        _onStack.Add(node);
        foreach (var next in _outgoing[node].Select(e => e.To))
        {
            if (!_index.TryGetValue(next, out var nextIndex))
            {
                Connect(next);
                _lowLink[node] = Math.Min(_lowLink[node], _lowLink[next]);
            }
            else if (_onStack.Contains(next))
            {
                _lowLink[node] = Math.Min(_lowLink[node], nextIndex);
            }
        }

        if (_lowLink[node] == _index[node])
        {
            _components.Add(PopComponent(node));
        }
    }

    private List<ResourceAddress> PopComponent(ResourceAddress root)
    {
        var component = new List<ResourceAddress>();
        ResourceAddress member;
        do
        {
            member = _stack.Pop();
            _onStack.Remove(member);
            component.Add(member);
        }
        while (member != root);
        return component;
    }

    // Breadth-first from the smallest member, staying inside the component, until an edge leads back to it.
    private ImmutableArray<Edge> ShortestCycle(List<ResourceAddress> component)
    {
        var members = component.ToHashSet();
        var start = component.Min();
        var reachedBy = new Dictionary<ResourceAddress, Edge>();
        var queue = new Queue<ResourceAddress>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var edge in _outgoing[node].Where(e => members.Contains(e.To) && e.To != e.From))
            {
                if (edge.To == start)
                {
                    return PathTo(node, reachedBy, start).Add(edge);
                }

                if (reachedBy.TryAdd(edge.To, edge))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        throw new InvalidOperationException($"The component of {start} has no cycle through it.");
    }

    private static ImmutableArray<Edge> PathTo(ResourceAddress node, Dictionary<ResourceAddress, Edge> reachedBy, ResourceAddress start)
    {
        var path = new List<Edge>();
        for (var current = node; current != start; current = reachedBy[current].From)
        {
            path.Add(reachedBy[current]);
        }

        path.Reverse();
        return [.. path];
    }
}
