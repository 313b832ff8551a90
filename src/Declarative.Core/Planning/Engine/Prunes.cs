using System.Collections.Immutable;
using Declarative.Core.Graph;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Deletes of what the base revision owns and the project no longer has, in reverse order of the stored edges
/// (dependents first). An object already gone needs no change, and one whose last applied object says
/// <c>declarative.dev/prune: disabled</c> is released instead: kept live, our labels removed, out of the inventory.
/// </summary>
internal static class Prunes
{
    public const string ReleaseNote = "declarative.dev/prune: disabled: kept live; Declarative's ownership labels are removed and it leaves the inventory";

    public static ImmutableArray<ResourceChange> Plan(BaseInventory inventory, IReadOnlySet<ResourceAddress> desired, LiveState live)
    {
        var leaving = inventory.Entries
            .Where(e => !desired.Contains(e.Address) && live[e.Address] is not null)
            .ToDictionary(e => e.Address);
        var inPlan = desired.Concat(leaving.Keys).ToHashSet();
        return [.. TopologicalOrder.Sort(leaving.Keys, inventory.Edges)
            .Reverse()
            .Select(address => Leave(leaving[address], live[address]!, Dependents(inventory.Edges, address, inPlan)))];
    }

    // Only dependents that are part of this plan: the executor waits for nothing it will never run.
    private static ImmutableArray<ResourceAddress> Dependents(ImmutableArray<Edge> edges, ResourceAddress address, HashSet<ResourceAddress> inPlan) =>
        [.. edges.Where(e => e.To == address && e.From != address && inPlan.Contains(e.From)).Select(e => e.From).Distinct().Order()];

    private static ResourceChange Leave(State.InventoryEntry entry, LiveResource live, ImmutableArray<ResourceAddress> dependents)
    {
        var release = Annotations.PruneDisabled(entry.Applied.Object);
        var change = new PlannedChange(entry.Address, release ? ChangeAction.Release : ChangeAction.Delete, [], [], null, [], [], null, live)
        {
            Notes = release ? [new ChangeNote(null, ReleaseNote)] : default,
        };
        return new(change, entry.Provider, dependents, entry.SensitivePaths.IsDefault ? [] : entry.SensitivePaths, entry.Applied);
    }
}
