using System.Collections.Immutable;
using Declarative.Core.Graph;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Planning.Engine;

/// <summary>What the base revision owns, by address (empty without a base revision), and its stored edges.</summary>
internal sealed class BaseInventory
{
    private readonly ImmutableDictionary<ResourceAddress, InventoryEntry> entries;

    public BaseInventory(Revision? revision)
    {
        Entries = revision is null || revision.Inventory.IsDefault ? [] : revision.Inventory;
        Edges = revision is null || revision.Edges.IsDefault ? [] : revision.Edges;
        entries = Entries.GroupBy(e => e.Address).ToImmutableDictionary(g => g.Key, g => g.Last());
    }

    public ImmutableArray<InventoryEntry> Entries { get; }

    public ImmutableArray<Edge> Edges { get; }

    public InventoryEntry? this[ResourceAddress address] => entries.GetValueOrDefault(address);
}
