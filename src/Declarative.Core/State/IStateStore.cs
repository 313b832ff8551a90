using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// One environment's history. Implementations are safe across processes: <see cref="LockAsync"/> takes an
/// exclusive lock (released by the OS if the process dies) and fails at once with
/// <see cref="StateLockedException"/> naming the holder. Revisions are returned as stored, secrets decrypted when
/// the key is available; without the key secret values read back as <see cref="Providers.Unknown"/> placeholders
/// ("(sensitive)") and a rollback of them fails with a clear message.
/// </summary>
public interface IStateStore
{
    /// <summary>Locks the environment for a mutating run. The lock's <see cref="IStateLock.AbandonedPending"/> is a
    /// pending revision left by a holder that died, for the caller to mark failed.</summary>
    Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken);

    Task<Revision?> GetLatestAsync(CancellationToken cancellationToken);

    Task<Revision?> GetAsync(int number, CancellationToken cancellationToken);

    /// <summary>All revisions, oldest first.</summary>
    Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes (creates or replaces) revision <see cref="Revision.Number"/> atomically.</summary>
    Task SaveAsync(Revision revision, CancellationToken cancellationToken);

    /// <summary>Deletes revision <paramref name="number"/> (a missing one is no error). Called under the lock, by
    /// <see cref="HistoryLimit"/>, which decides what may go.</summary>
    Task DeleteAsync(int number, CancellationToken cancellationToken);

    /// <summary><c>decl state unlock</c>: removes the lock record of a run that is gone. Refuses, changing nothing,
    /// while a process holds the lock or while the recorded holder's process still runs on this host.</summary>
    Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken);
}

/// <summary>A held lock; dispose to release.</summary>
public interface IStateLock : IAsyncDisposable
{
    LockRecord Holder { get; }

    Revision? AbandonedPending { get; }
}
