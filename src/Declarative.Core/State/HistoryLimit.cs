using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// <c>--history-max N</c> (Helm's): after a run, under its lock, deletes the oldest revisions beyond N. The
/// Deployed revision (what a rollback or the next plan stands on), the revision the run just wrote and a Pending one
/// are never deleted, so a history may stay above N when N is smaller than what must be kept. 0 keeps everything.
/// </summary>
public static class HistoryLimit
{
    public const int DefaultMax = 50;

    /// <summary>Deletes what is beyond <paramref name="max"/>, oldest first; returns the deleted numbers.</summary>
    public static async Task<ImmutableArray<int>> TrimAsync(IStateStore store, int max, int justWritten, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0)
        {
            return [];
        }

        var revisions = await store.ListAsync(cancellationToken);
        var excess = revisions.Length - max;
        var deleted = ImmutableArray.CreateBuilder<int>();
        foreach (var revision in revisions)
        {
            if (deleted.Count >= excess)
            {
                break;
            }

            if (revision.Number != justWritten && revision.Status is not (RevisionStatus.Deployed or RevisionStatus.Pending))
            {
                await store.DeleteAsync(revision.Number, cancellationToken);
                deleted.Add(revision.Number);
            }
        }

        return deleted.ToImmutable();
    }
}
