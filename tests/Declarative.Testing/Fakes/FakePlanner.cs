using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Testing.Fakes;

/// <summary>How <see cref="FakeProvider"/> plans: the way a real provider would, with <see cref="FieldDiffer"/>.</summary>
internal static class FakePlanner
{
    public static PlannedChange Plan(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, ImmutableArray<string> immutablePaths)
    {
        var unknowns = OrEmpty(desired.Unknowns);
        var options = new DiffOptions(
            // Never applied by us: compare only what the manifest says, not what the server filled in.
            Scope: lastApplied?.Object ?? (live is null ? null : new JsonObject()),
            SensitivePaths: desired.SensitivePaths,
            IgnoredPaths: desired.IgnoredPaths,
            UnknownPointers: [.. unknowns.Select(u => u.Path)]);
        var diffs = FieldDiffer.Diff(live?.Object, desired.Object, options);
        var immutableChange = live is null ? null : diffs.FirstOrDefault(d => immutablePaths.Any(p => FieldPath.IsUnder(d.Path, p)));
        var action = (live, immutableChange, diffs.IsEmpty) switch
        {
            (null, _, _) => ChangeAction.Create,
            (_, not null, _) => ChangeAction.Replace,
            (_, _, false) => ChangeAction.Update,
            _ => ChangeAction.NoOp,
        };

        return new PlannedChange(
            desired.Address,
            action,
            diffs,
            DriftPaths(desired, live, lastApplied),
            immutableChange is null ? null : $"{immutableChange.Path} cannot be changed in place",
            [],
            [.. unknowns.Select(u => FieldPath.FromPointer(desired.Object, u.Path)).Order(StringComparer.Ordinal)],
            desired,
            live);
    }

    /// <summary>Where live no longer matches what we last applied, on the paths we applied.</summary>
    private static ImmutableArray<string> DriftPaths(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied) =>
        live is null || lastApplied is null
            ? []
            : [.. FieldDiffer.Diff(live.Object, lastApplied.Object, new DiffOptions(lastApplied.Object, desired.SensitivePaths, desired.IgnoredPaths)).Select(d => d.Path)];

    public static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
