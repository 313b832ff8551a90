using System.Collections.Immutable;
using Declarative.Core.Graph;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Deletes of what the base revision owns and the project no longer has, in reverse order of the stored edges
/// (dependents first). An object already gone needs no change, and one whose last applied object says
/// <c>declarative.dev/prune: disabled</c> is kept.
/// </summary>
internal static class Prunes
{
    public static ImmutableArray<ResourceChange> Plan(BaseInventory inventory, IReadOnlySet<ResourceAddress> desired, LiveState live)
    {
        var pruned = inventory.Entries
            .Where(e => !desired.Contains(e.Address) && live[e.Address] is not null && !Annotations.PruneDisabled(e.Applied.Object))
            .ToDictionary(e => e.Address);
        var inPlan = desired.Concat(pruned.Keys).ToHashSet();
        return [.. TopologicalOrder.Sort(pruned.Keys, inventory.Edges)
            .Reverse()
            .Select(address => Delete(pruned[address], live[address]!, Dependents(inventory.Edges, address, inPlan)))];
    }

    // Only dependents that are part of this plan: the executor waits for nothing it will never run.
    private static ImmutableArray<ResourceAddress> Dependents(ImmutableArray<Edge> edges, ResourceAddress address, HashSet<ResourceAddress> inPlan) =>
        [.. edges.Where(e => e.To == address && e.From != address && inPlan.Contains(e.From)).Select(e => e.From).Distinct().Order()];

    private static ResourceChange Delete(State.InventoryEntry entry, LiveResource live, ImmutableArray<ResourceAddress> dependents) =>
        new(
            new PlannedChange(entry.Address, ChangeAction.Delete, [], [], null, [], [], null, live),
            entry.Provider,
            dependents,
            entry.SensitivePaths.IsDefault ? [] : entry.SensitivePaths,
            entry.Applied);
}
