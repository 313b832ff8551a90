using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.State;

/// <summary>
/// How every store rebuilds a pending revision from its journal, so they all agree: each record, in order,
/// replaces, adds or removes one inventory entry by address; the inventory comes out sorted by address, as a
/// revision written whole has it. The cost is one dictionary operation per record.
/// </summary>
public static class JournalReplay
{
    /// <summary><paramref name="pending"/> with <paramref name="records"/> applied to its inventory.</summary>
    public static Revision Replay(Revision pending, IEnumerable<JournalRecord> records)
    {
        var inventory = new Dictionary<ResourceAddress, InventoryEntry>(pending.Inventory.Length);
        foreach (var entry in pending.Inventory)
        {
            inventory[entry.Address] = entry;
        }

        foreach (var record in records)
        {
            Apply(inventory, record);
        }

        return pending with { Inventory = Sorted(inventory.Values) };
    }

    internal static void Apply(Dictionary<ResourceAddress, InventoryEntry> inventory, JournalRecord record)
    {
        switch (record)
        {
            case JournalRecord.Applied applied:
                inventory[applied.Address] = applied.Entry;
                break;
            case JournalRecord.Deleted deleted:
                inventory.Remove(deleted.Address);
                break;
            default:
                throw new ArgumentException($"Unknown journal record {record.GetType().Name}.", nameof(record));
        }
    }

    internal static ImmutableArray<InventoryEntry> Sorted(IEnumerable<InventoryEntry> inventory) => [.. inventory.OrderBy(e => e.Address)];
}
