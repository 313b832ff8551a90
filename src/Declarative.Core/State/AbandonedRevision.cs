using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.State;

/// <summary>
/// What the run that takes over tells the user about a <c>pending</c> revision whose run died (killed, crashed, the
/// machine went down): who started it, when, with which command, and what it had recorded before it stopped.
/// "Recorded" is measured against the revision it started from (the one before it, whose inventory it carried
/// forward): objects added or re-applied, and objects deleted. An object the run changed but had not yet recorded
/// is not known here; the next plan finds it live.
/// </summary>
public static class AbandonedRevision
{
    /// <summary>How many addresses the report names before it says "and N more".</summary>
    private const int NamedAtMost = 10;

    /// <param name="pending">The revision left pending.</param>
    /// <param name="previous">The revision before it (null when it was the first).</param>
    public static string Describe(Revision pending, Revision? previous)
    {
        var done = Recorded(pending, previous);
        var planned = pending.Summary.Created + pending.Summary.Updated + pending.Summary.Replaced + pending.Summary.Deleted;
        var command = pending.CommandLine ?? $"decl {pending.Operation.ToString().ToLowerInvariant()}";
        var what = done.IsEmpty
            ? string.Create(CultureInfo.InvariantCulture, $"it had recorded none of its {planned} planned changes")
            : string.Create(CultureInfo.InvariantCulture, $"it had recorded {done.Length} of its {planned} planned changes: {Names(done)}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Revision {pending.Number} ({command}, by {pending.User}, started {pending.StartedAt.UtcDateTime:u}) was left pending by a run that stopped before finishing; {what}. It is now marked failed, and this run takes over.");
    }

    /// <summary>The addresses the pending revision recorded as applied or deleted, in address order.</summary>
    public static ImmutableArray<string> Recorded(Revision pending, Revision? previous)
    {
        var before = (previous?.Inventory ?? []).ToDictionary(e => e.Address);
        var after = pending.Inventory.ToDictionary(e => e.Address);
        var applied = after.Values.Where(e => !before.TryGetValue(e.Address, out var old) || Differs(old.Applied, e.Applied)).Select(e => e.Address);
        var deleted = before.Keys.Where(address => !after.ContainsKey(address));
        return [.. applied.Concat(deleted).Order().Select(a => a.ToString())];
    }

    private static bool Differs(AppliedResource old, AppliedResource now) =>
        old.Fingerprint != now.Fingerprint || !JsonNode.DeepEquals(old.Object, now.Object);

    private static string Names(ImmutableArray<string> addresses) =>
        addresses.Length <= NamedAtMost
            ? string.Join(", ", addresses)
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", addresses.Take(NamedAtMost))} and {addresses.Length - NamedAtMost} more");
}
