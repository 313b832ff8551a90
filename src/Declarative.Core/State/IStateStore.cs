using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// One environment's history. Implementations are safe across processes: <see cref="LockAsync"/> takes an
/// exclusive lock (freed when the process dies: by the OS, the database, or a lease that expires) and fails at once with
/// <see cref="StateLockedException"/> naming the holder. Revisions are returned as stored, secrets decrypted when
/// the key is available; without the key secret values read back as <see cref="Providers.Unknown"/> placeholders
/// ("(sensitive)") and a rollback of them fails with a clear message.
/// A run writes its revision whole twice, when it begins (Pending) and when it completes; in between every applied
/// or deleted resource is one <see cref="AppendAsync"/> to the revision's journal, so recording costs the size of
/// one resource, not of the environment (DESIGN "Stores"). A pending revision is read with its journal replayed.
/// </summary>
public interface IStateStore
{
    /// <summary>Locks the environment for a mutating run. The lock's <see cref="IStateLock.AbandonedPending"/> is a
    /// pending revision left by a holder that died, for the caller to mark failed.</summary>
    Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken);

    /// <summary>The newest revision; a pending one with its journal replayed.</summary>
    Task<Revision?> GetLatestAsync(CancellationToken cancellationToken);

    /// <summary>Revision <paramref name="number"/>, or null; a pending one with its journal replayed.</summary>
    Task<Revision?> GetAsync(int number, CancellationToken cancellationToken);

    /// <summary>All revisions, oldest first; pending ones with their journals replayed.</summary>
    Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes (creates or replaces) revision <see cref="Revision.Number"/> atomically, whole: it supersedes
    /// the revision's journal, which is dropped once the revision is written. So save what was read (journal
    /// replayed) or built with every record in it.</summary>
    Task SaveAsync(Revision revision, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="record"/> to the journal of revision <paramref name="number"/>, which must have been
    /// saved Pending, and returns once the record is durable (on the disk, or acknowledged by the server). Secret
    /// values are sealed as in a revision. Safe to call concurrently: records that arrive together may share one
    /// write (group commit); each lands whole. Records of one address must be appended in order (await one before
    /// the next). Once queued, a record is written even if <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task AppendAsync(int number, JournalRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes revision <paramref name="number"/> and its journal (a missing one is no error). Called under
    /// the lock, by <see cref="HistoryLimit"/>, which decides what may go.</summary>
    Task DeleteAsync(int number, CancellationToken cancellationToken);

    /// <summary><c>decl state unlock</c>: removes the lock record of a run that is gone. Refuses, changing nothing,
    /// while a process holds the lock or while the recorded holder's process still runs on this host.</summary>
    Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken);

    /// <summary>How long a held lock outlives its holder, for messages that tell a person to wait for it: null when
    /// it goes with the holder's process (an OS file lock, a database session); a lease's duration when the holder
    /// renews it while it runs and it expires that long after the last renewal.</summary>
    TimeSpan? LockExpiresAfter => null;
}

/// <summary>A held lock; dispose to release.</summary>
public interface IStateLock : IAsyncDisposable
{
    LockRecord Holder { get; }

    Revision? AbandonedPending { get; }
}
