using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Cli.Report;

/// <summary>What a revision changed against the one before it, by address only: a value never leaves the store this
/// way, so a Secret's change shows as its address and nothing more.</summary>
internal sealed record RevisionChanges(ImmutableArray<ResourceAddress> Added, ImmutableArray<ResourceAddress> Changed, ImmutableArray<ResourceAddress> Removed)
{
    /// <summary>An object counts as changed when what was applied to it differs, or when its live fingerprint does:
    /// read without the state key every sealed value is the same mask, and only the fingerprint tells a new secret
    /// value apart.</summary>
    public static RevisionChanges Between(Revision? previous, Revision current)
    {
        var before = (previous?.Inventory ?? []).ToDictionary(e => e.Address);
        var after = current.Inventory.ToDictionary(e => e.Address);
        var added = after.Keys.Where(a => !before.ContainsKey(a)).Order().ToImmutableArray();
        var removed = before.Keys.Where(a => !after.ContainsKey(a)).Order().ToImmutableArray();
        var changed = after
            .Where(pair => before.TryGetValue(pair.Key, out var old) && Differs(old, pair.Value))
            .Select(pair => pair.Key)
            .Order()
            .ToImmutableArray();
        return new RevisionChanges(added, changed, removed);
    }

    private static bool Differs(InventoryEntry before, InventoryEntry after) =>
        before.Applied.Fingerprint.Hash != after.Applied.Fingerprint.Hash || !JsonNode.DeepEquals(before.Applied.Object, after.Applied.Object);
}
