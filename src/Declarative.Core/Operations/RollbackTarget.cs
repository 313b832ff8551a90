using System.Collections.Immutable;
using System.Globalization;
using Declarative.Core.Diagnostics;
using Declarative.Core.State;

namespace Declarative.Core.Operations;

/// <summary>
/// Which revision `decl rollback` returns to: the one asked for, or the newest older one that is deployed or
/// superseded. A failed, destroyed or pending revision is never a target: the refusal lists those that are.
/// </summary>
public static class RollbackTarget
{
    public static (Revision? Target, Diagnostic? Problem) Choose(IReadOnlyList<Revision> history, int? requested)
    {
        ArgumentNullException.ThrowIfNull(history);
        var latest = history.MaxBy(r => r.Number);
        var candidates = history
            .Where(r => r.Status is RevisionStatus.Deployed or RevisionStatus.Superseded && r.Number != latest?.Number)
            .OrderByDescending(r => r.Number)
            .ToImmutableArray();
        var list = candidates.IsEmpty
            ? "There is no earlier revision that was deployed."
            : "Revisions that can be targeted: " + string.Join(", ", candidates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Number} ({r.Status.ToString().ToLowerInvariant()}, {r.StartedAt:yyyy-MM-dd HH:mm})"))) + ".";
        if (requested is not { } number)
        {
            return candidates.IsEmpty
                ? (null, Refusal("Nothing to roll back to", "The environment has no earlier revision that was deployed or superseded.", "Apply first; rollback returns to an earlier successful revision."))
                : (candidates[0], null);
        }

        var asked = history.FirstOrDefault(r => r.Number == number);
        if (asked is null)
        {
            return (null, Refusal("No such revision", string.Create(CultureInfo.InvariantCulture, $"Revision {number} is not in the environment's history. {list}"), "Run decl history to see the revisions, then pass one of them to --to."));
        }

        if (asked.Status is not (RevisionStatus.Deployed or RevisionStatus.Superseded))
        {
            return (null, Refusal("Revision cannot be a rollback target", string.Create(CultureInfo.InvariantCulture, $"Revision {number} is {asked.Status.ToString().ToLowerInvariant()}: only a revision that was deployed can be returned to. {list}"), "Pass one of the revisions listed to --to."));
        }

        return (asked, null);
    }

    private static Diagnostic Refusal(string summary, string detail, string action) =>
        Diagnostic.Error(DiagnosticCodes.ApplyFailed, summary, null, detail, action);
}
