using System.Collections.Immutable;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>
/// Turns a plan into schedulable nodes and refuses a plan the executor could not finish: two changes for one
/// address, a provider that is not registered, or a dependency cycle (which would wait forever). Each of these
/// is the planner's bug, never the user's, so they throw before anything is touched.
/// </summary>
internal static class ExecutionGraph
{
    private const string Bug = "This is a bug in Declarative; please report it.";

    public static ImmutableArray<ExecutionNode> Build(Plan plan, IReadOnlyDictionary<string, IResourceProvider> providers)
    {
        var indexByAddress = IndexAddresses(plan.Changes);
        EnsureProviders(plan.Changes, providers);
        var nodes = plan.Changes.Select((change, index) => new ExecutionNode(index, change, DependencyIndices(change, index, indexByAddress)))
            .ToImmutableArray();
        EnsureAcyclic(nodes);
        return nodes;
    }

    private static Dictionary<ResourceAddress, int> IndexAddresses(ImmutableArray<ResourceChange> changes)
    {
        var indexByAddress = new Dictionary<ResourceAddress, int>();
        for (var i = 0; i < changes.Length; i++)
        {
            if (!indexByAddress.TryAdd(changes[i].Address, i))
            {
                throw new InvalidOperationException($"The plan holds two changes for {changes[i].Address}. {Bug}");
            }
        }

        return indexByAddress;
    }

    private static void EnsureProviders(ImmutableArray<ResourceChange> changes, IReadOnlyDictionary<string, IResourceProvider> providers)
    {
        var missing = changes.FirstOrDefault(c => c.Action != ChangeAction.NoOp && !providers.ContainsKey(c.Provider));
        if (missing is not null)
        {
            throw new InvalidOperationException(
                $"The plan gives {missing.Address} to the provider '{missing.Provider}', which is not registered. {Bug}");
        }
    }

    // A dependency outside the plan cannot be waited on; the planner includes every resource (no-ops too), so
    // only a delete's already-gone neighbours fall out here.
    private static ImmutableArray<int> DependencyIndices(ResourceChange change, int index, Dictionary<ResourceAddress, int> indexByAddress) =>
        change.DependsOn.IsDefault
            ? []
            : [.. change.DependsOn
                .Select(a => indexByAddress.TryGetValue(a, out var found) ? found : -1)
                .Where(d => d >= 0 && d != index)
                .Distinct()];

    private static void EnsureAcyclic(ImmutableArray<ExecutionNode> nodes)
    {
        var waiting = nodes.Select(n => n.Dependencies.Length).ToArray();
        var dependents = nodes.Select(_ => new List<int>()).ToArray();
        foreach (var node in nodes)
        {
            foreach (var dependency in node.Dependencies)
            {
                dependents[dependency].Add(node.Index);
            }
        }

        var ready = new Queue<int>(nodes.Where(n => waiting[n.Index] == 0).Select(n => n.Index));
        var finished = 0;
        while (ready.TryDequeue(out var next))
        {
            finished++;
            foreach (var dependent in dependents[next].Where(d => --waiting[d] == 0))
            {
                ready.Enqueue(dependent);
            }
        }

        if (finished < nodes.Length)
        {
            var stuck = string.Join(", ", nodes.Where(n => waiting[n.Index] > 0).Select(n => n.Change.Address));
            throw new InvalidOperationException($"The plan's dependencies form a cycle among {stuck}. {Bug}");
        }
    }
}
