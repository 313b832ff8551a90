using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// A store whose revisions can be read and written as their sealed bytes (<see cref="SealedRevision"/>), without the
/// state key: what <c>decl state migrate</c> copies between stores. Journals are not part of it: a pending revision
/// is read as it was begun, and a migration refuses a history that has one.
/// </summary>
public interface ISealedRevisionStore : IStateStore
{
    /// <summary>Every revision, oldest first, as canonical sealed bytes (damage is a <see cref="StateFileException"/>
    /// naming the record, never skipped).</summary>
    Task<ImmutableArray<SealedRevision>> ReadSealedAsync(CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="revision"/>'s bytes as revision <see cref="SealedRevision.Number"/>, under the
    /// lock. Never replaces a revision: one that exists already is an <see cref="InvalidOperationException"/>.</summary>
    Task WriteSealedAsync(SealedRevision revision, CancellationToken cancellationToken);
}
