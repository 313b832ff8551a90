using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.State;

namespace Declarative.Testing;

/// <summary>
/// The state store in memory (Helm's memory driver), with the local store's contract: a second
/// <see cref="LockAsync"/> fails at once with <see cref="StateLockedException"/> naming the holder, a Pending latest
/// revision found on locking is returned as abandoned, and stored objects are copies (a caller mutating what it
/// saved or read does not change the store). A pending revision's records are kept in a journal beside it, replayed
/// when it is read and dropped when it is saved whole. <see cref="Saves"/> records every save in order,
/// <see cref="Appends"/> every journal record. <see cref="KillHolder"/> stands for a holder process that dies: the
/// lock is free, its record stays until <see cref="RemoveStaleLockAsync"/> or the next holder replaces it.
/// </summary>
public sealed class InMemoryStateStore(string environment = "test") : IStateStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, Revision> revisions = [];
    private readonly List<Revision> saves = [];
    private readonly Dictionary<int, List<JournalRecord>> journals = [];
    private readonly List<(int Revision, JournalRecord Record)> appends = [];
    private LockRecord? holder;
    private LockRecord? record;

    public string Environment => environment;

    /// <summary>Every revision passed to <see cref="SaveAsync"/>, in order.</summary>
    public ImmutableArray<Revision> Saves
    {
        get
        {
            lock (gate)
            {
                return [.. saves.Select(Copy)];
            }
        }
    }

    /// <summary>Every record passed to <see cref="AppendAsync"/>, in order, with its revision number.</summary>
    public ImmutableArray<(int Revision, JournalRecord Record)> Appends
    {
        get
        {
            lock (gate)
            {
                return [.. appends.Select(a => (a.Revision, Copy(a.Record)))];
            }
        }
    }

    public LockRecord? Holder
    {
        get
        {
            lock (gate)
            {
                return holder;
            }
        }
    }

    public Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (holder is not null)
            {
                throw new StateLockedException(holder, environment);
            }

            holder = requester;
            record = requester;
            var latest = revisions.Count == 0 ? null : Read(revisions.Last().Value);
            return Task.FromResult<IStateLock>(new HeldLock(this, requester, latest is { Status: RevisionStatus.Pending } ? latest : null));
        }
    }

    public Task<Revision?> GetLatestAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(revisions.Count == 0 ? null : Read(revisions.Last().Value));
        }
    }

    public Task<Revision?> GetAsync(int number, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(revisions.TryGetValue(number, out var revision) ? Read(revision) : null);
        }
    }

    public Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<ImmutableArray<Revision>>([.. revisions.Values.Select(Read)]);
        }
    }

    public Task SaveAsync(Revision revision, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(revision.Number, 1);
        var copy = Copy(revision);
        lock (gate)
        {
            // Kept as a stored revision reads back: its inventory sorted by address.
            revisions[revision.Number] = copy with { Inventory = [.. copy.Inventory.OrderBy(e => e.Address)] };
            journals.Remove(revision.Number);
            saves.Add(copy);
        }

        return Task.CompletedTask;
    }

    public Task AppendAsync(int number, JournalRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var copy = Copy(record);
        lock (gate)
        {
            if (!revisions.ContainsKey(number))
            {
                throw new InvalidOperationException($"Revision {number} is not in the store: save it pending before recording to its journal.");
            }

            if (!journals.TryGetValue(number, out var journal))
            {
                journals[number] = journal = [];
            }

            journal.Add(copy);
            appends.Add((number, copy));
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(int number, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            revisions.Remove(number);
            journals.Remove(number);
        }

        return Task.CompletedTask;
    }

    /// <summary>A live holder is refused; the record of a killed one (<see cref="KillHolder"/>) is removed unless its
    /// process runs on this host, as the local store does.</summary>
    public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (holder is not null)
            {
                return Task.FromResult(new LockRemoval(LockRemovalOutcome.HeldByLiveRun, environment, holder));
            }

            if (record is null)
            {
                return Task.FromResult(new LockRemoval(LockRemovalOutcome.NotLocked, environment, null));
            }

            if (HolderProcess.IsRunningOnThisHost(record))
            {
                return Task.FromResult(new LockRemoval(LockRemovalOutcome.HolderStillRunning, environment, record));
            }

            var removed = record;
            record = null;
            return Task.FromResult(new LockRemoval(LockRemovalOutcome.Removed, environment, removed));
        }
    }

    /// <summary>The process holding <paramref name="held"/> dies without releasing it: the lock is free for the next
    /// run, the holder's record stays.</summary>
    public void KillHolder(IStateLock held)
    {
        lock (gate)
        {
            if (held is HeldLock mine && ReferenceEquals(mine.Holder, holder))
            {
                holder = null;
            }
        }
    }

    private static Revision Copy(Revision revision) => revision with { Inventory = [.. revision.Inventory.Select(Copy)] };

    private static InventoryEntry Copy(InventoryEntry entry) =>
        entry with { Applied = entry.Applied with { Object = (JsonObject)entry.Applied.Object.DeepClone() } };

    private static JournalRecord Copy(JournalRecord record) =>
        record is JournalRecord.Applied applied ? new JournalRecord.Applied(Copy(applied.Entry)) : record;

    /// <summary>A copy as a reader sees it: a pending revision with its journal replayed. Called under the gate.</summary>
    private Revision Read(Revision stored) =>
        Copy(stored.Status == RevisionStatus.Pending && journals.TryGetValue(stored.Number, out var journal)
            ? JournalReplay.Replay(stored, journal)
            : stored);

    private void Release(LockRecord released)
    {
        lock (gate)
        {
            if (ReferenceEquals(holder, released))
            {
                holder = null;
                record = null;
            }
        }
    }

    private sealed class HeldLock(InMemoryStateStore store, LockRecord holder, Revision? abandoned) : IStateLock
    {
        public LockRecord Holder => holder;

        public Revision? AbandonedPending => abandoned;

        public ValueTask DisposeAsync()
        {
            store.Release(holder);
            return ValueTask.CompletedTask;
        }
    }
}
