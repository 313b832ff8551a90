using System.Collections.Immutable;
using Declarative.Core.Planning;

namespace Declarative.Core.Execution;

/// <summary>
/// kapp's confidence check: before a result leaves the executor, every change of the plan must have exactly one
/// outcome. A missing or doubled outcome would make the revision lie about what exists, so it is a bug, loudly.
/// </summary>
internal static class ApplyConfidenceCheck
{
    /// <summary>The outcomes in plan order, or <see cref="InvalidOperationException"/> when a change has none or
    /// several, or an outcome belongs to no change.</summary>
    public static ImmutableArray<ResourceOutcome> InPlanOrder(ImmutableArray<ResourceChange> changes, IEnumerable<ResourceOutcome> settled)
    {
        var byAddress = settled.GroupBy(o => o.Address).ToDictionary(g => g.Key, g => g.ToList());
        var planned = changes.Select(c => c.Address).ToHashSet();
        var problems = changes
            .Select(c => (c.Address, Count: byAddress.TryGetValue(c.Address, out var found) ? found.Count : 0))
            .Where(p => p.Count != 1)
            .Select(p => $"{p.Address} has {p.Count} outcomes")
            .Concat(byAddress.Keys.Where(a => !planned.Contains(a)).Select(a => $"{a} has an outcome but is not in the plan"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Apply must end with exactly one outcome per planned change, but {string.Join("; ", problems)}. This is a bug in Declarative; please report it.");
        }

        return [.. changes.Select(c => byAddress[c.Address][0])];
    }
}
