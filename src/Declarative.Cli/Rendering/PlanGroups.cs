using System.Collections.Immutable;
using System.Globalization;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// The changes counted by kind and namespace, shown under the summary line when a plan has more than
/// <see cref="MinChanges"/> changes: one row per kind and namespace (no namespace for cluster-scoped and Docker
/// objects), one column per action the plan has. Past <see cref="MaxRows"/> rows the rest are summed into one.
/// </summary>
internal sealed record PlanGroups(ImmutableArray<ChangeAction> Actions, ImmutableArray<PlanGroups.Group> Rows)
{
    public const int MinChanges = 10;
    public const int MaxRows = 30;

    private static readonly ImmutableArray<ChangeAction> Order = [ChangeAction.Create, ChangeAction.Update, ChangeAction.Replace, ChangeAction.Delete, ChangeAction.Release];

    /// <summary>The table, or null when the plan has <see cref="MinChanges"/> changes or fewer.</summary>
    public static PlanGroups? Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changes = plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        if (changes.Count <= MinChanges)
        {
            return null;
        }

        var rows = changes
            .GroupBy(c => (Kind: c.Address.KindRef.ToString(), Namespace: c.Address.Namespace ?? string.Empty))
            .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Namespace, StringComparer.Ordinal)
            .Select(g => new Group(g.Key.Kind, g.Key.Namespace, Counts(g)))
            .ToList();
        if (rows.Count > MaxRows)
        {
            var rest = rows.Skip(MaxRows - 1).ToList();
            rows = [.. rows.Take(MaxRows - 1), new Group(string.Create(CultureInfo.InvariantCulture, $"({rest.Count} more)"), string.Empty, Sum(rest))];
        }

        return new PlanGroups([.. Order.Where(a => changes.Any(c => c.Action == a))], [.. rows]);
    }

    public static string Header(ChangeAction action) => PlanJsonResourceRenderer.Action(action);

    private static ImmutableDictionary<ChangeAction, int> Counts(IEnumerable<ResourceChange> changes) =>
        changes.GroupBy(c => c.Action).ToImmutableDictionary(g => g.Key, g => g.Count());

    private static ImmutableDictionary<ChangeAction, int> Sum(IEnumerable<Group> groups) =>
        groups.SelectMany(g => g.Counts).GroupBy(p => p.Key).ToImmutableDictionary(g => g.Key, g => g.Sum(p => p.Value));

    /// <summary>A count of zero reads "-", so the numbers stand out.</summary>
    public static string Cell(Group group, ChangeAction action) =>
        group.Counts.TryGetValue(action, out var count) ? count.ToString(CultureInfo.InvariantCulture) : "-";

    internal sealed record Group(string Kind, string Namespace, ImmutableDictionary<ChangeAction, int> Counts);
}
