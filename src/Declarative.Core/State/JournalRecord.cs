using Declarative.Core.Providers;

namespace Declarative.Core.State;

/// <summary>
/// One entry of a pending revision's journal (<see cref="IStateStore.AppendAsync"/>): a resource the run applied
/// (its inventory entry, as the revision stores it) or deleted. Replayed in order over the revision as it was
/// begun, the records give the inventory the run left (<see cref="JournalReplay"/>).
/// </summary>
public abstract record JournalRecord
{
    private JournalRecord()
    {
    }

    public abstract ResourceAddress Address { get; }

    /// <summary>The object was applied: <see cref="Entry"/> replaces any entry of the same address.</summary>
    public sealed record Applied(InventoryEntry Entry) : JournalRecord
    {
        public override ResourceAddress Address => Entry.Address;
    }

    /// <summary>The object was deleted or released: it leaves the inventory.</summary>
    public sealed record Deleted(ResourceAddress Removed) : JournalRecord
    {
        public override ResourceAddress Address => Removed;
    }
}
