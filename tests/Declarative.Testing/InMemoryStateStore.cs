using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.State;

namespace Declarative.Testing;

/// <summary>
/// The state store in memory (Helm's memory driver), with the local store's contract: a second
/// <see cref="LockAsync"/> fails at once with <see cref="StateLockedException"/> naming the holder, a Pending latest
/// revision found on locking is returned as abandoned, and stored objects are copies (a caller mutating what it
/// saved or read does not change the store). <see cref="Saves"/> records every save in order.
/// </summary>
public sealed class InMemoryStateStore(string environment = "test") : IStateStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, Revision> revisions = [];
    private readonly List<Revision> saves = [];
    private LockRecord? holder;

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
            var latest = revisions.Count == 0 ? null : Copy(revisions.Last().Value);
            return Task.FromResult<IStateLock>(new HeldLock(this, requester, latest is { Status: RevisionStatus.Pending } ? latest : null));
        }
    }

    public Task<Revision?> GetLatestAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(revisions.Count == 0 ? null : Copy(revisions.Last().Value));
        }
    }

    public Task<Revision?> GetAsync(int number, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(revisions.TryGetValue(number, out var revision) ? Copy(revision) : null);
        }
    }

    public Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<ImmutableArray<Revision>>([.. revisions.Values.Select(Copy)]);
        }
    }

    public Task SaveAsync(Revision revision, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(revision.Number, 1);
        var copy = Copy(revision);
        lock (gate)
        {
            revisions[revision.Number] = copy;
            saves.Add(copy);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(int number, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            revisions.Remove(number);
        }

        return Task.CompletedTask;
    }

    /// <summary>Holders here are in this process, so alive: a held lock is refused, a free one has no record.</summary>
    public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(holder is null
                ? new LockRemoval(LockRemovalOutcome.NotLocked, environment, null)
                : new LockRemoval(LockRemovalOutcome.HeldByLiveRun, environment, holder));
        }
    }

    private static Revision Copy(Revision revision) => revision with
    {
        Inventory = [.. revision.Inventory.Select(e => e with { Applied = e.Applied with { Object = (JsonObject)e.Applied.Object.DeepClone() } })],
    };

    private void Release(LockRecord released)
    {
        lock (gate)
        {
            if (ReferenceEquals(holder, released))
            {
                holder = null;
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
