using System.Collections.Immutable;

namespace Declarative.Core.State.Migration;

/// <summary>
/// A migration that completed: every revision of the source (oldest first), now in the target with the same
/// number and the same SHA-256; <see cref="Copied"/> are the numbers this run wrote, the others were there already
/// (an identical copy, or the part an interrupted migration had written).
/// </summary>
public sealed record MigrationReport(ImmutableArray<SealedRevision> Revisions, ImmutableArray<int> Copied)
{
    public int AlreadyThere => Revisions.Length - Copied.Length;
}
