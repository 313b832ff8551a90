using System.Diagnostics;
using Declarative.Core.State;
using Xunit;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Testing.StateContract;

/// <summary>
/// What every <see cref="IStateStore"/> does, the in-memory one included (issue 13, item 5): revisions saved, loaded
/// and listed; a pending revision read with its journal replayed, concurrent appends all landing; one lock holder
/// at a time, the second failing at once naming the first; a dead holder's lock taken over with its pending
/// revision; <c>decl state unlock</c>. A store derives <see cref="StateStoreContract"/>, which adds what is kept at
/// rest (sealing, format versions, damage); xunit makes one instance per test, so a derived class gives each test
/// fresh backing storage or a fresh <see cref="Name"/> in shared storage.
/// </summary>
public abstract class StateStoreBehaviourContract : IAsyncLifetime
{
    private readonly List<IStateStore> opened = [];

    /// <summary>This test's environment: a project no other test uses.</summary>
    protected StoreName Name { get; } = new("shop-" + Guid.NewGuid().ToString("N")[..8], "dev");

    protected StateKey Key { get; } = StateKey.Generate();

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>A new store object on this test's backing storage, as a process opens it: each call stands for another
    /// process (another connection, another file handle). Stores that are disposable are disposed after the test.</summary>
    protected abstract Task<IStateStore> OpenStoreAsync(StoreName name, StateKey? key);

    /// <summary>The process holding <paramref name="held"/>, the lock of <paramref name="name"/>, dies (kill -9) without
    /// releasing it: what the backing storage
    /// frees when a process dies is freed (an OS file lock, a database session), or expires (a lease nobody renews:
    /// return once it has), what it keeps stays (the lock record naming the holder, its pending revision).</summary>
    protected abstract Task KillHolderAsync(StoreName name, IStateLock held);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    protected async Task<IStateStore> OpenAsync(StoreName? name = null, StateKey? key = null, bool withoutKey = false)
    {
        var store = await OpenStoreAsync(name ?? Name, withoutKey ? null : key ?? Key);
        opened.Add(store);
        return store;
    }

    [Fact]
    public async Task An_environment_without_history_has_no_revisions()
    {
        var store = await OpenAsync();

        Assert.Null(await store.GetLatestAsync(None));
        Assert.Null(await store.GetAsync(1, None));
        Assert.Empty(await store.ListAsync(None));
    }

    [Fact]
    public async Task Saved_revisions_are_loaded_and_listed_oldest_first_by_another_process()
    {
        var writer = await OpenAsync();
        var revisions = new[]
        {
            Revision(1, RevisionStatus.Superseded, ConfigMap("web"), ConfigMap("api")),
            Revision(2, RevisionStatus.Failed, ConfigMap("web", "v2")) with { Error = "1 resource failed: ConfigMap/default/web: boom" },
            Revision(3, RevisionStatus.Deployed, ConfigMap("web", "v3"), ConfigMap("api")) with { Operation = RevisionOperation.Rollback, RollbackOf = 1 },
        };
        foreach (var revision in revisions.Reverse())
        {
            await writer.SaveAsync(revision, None);
        }

        var reader = await OpenAsync();
        var listed = await reader.ListAsync(None);

        Assert.Equal([1, 2, 3], listed.Select(r => r.Number));
        foreach (var (want, got) in revisions.Zip(listed))
        {
            AssertSameRevision(want, got);
        }

        AssertSameRevision(revisions[1], (await reader.GetAsync(2, None))!);
        AssertSameRevision(revisions[2], (await reader.GetLatestAsync(None))!);
        Assert.Null(await reader.GetAsync(4, None));
    }

    [Fact]
    public async Task Saving_a_revision_again_replaces_it()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("web")), None);

        var completed = Revision(1, RevisionStatus.Deployed, ConfigMap("web", "v2"), ConfigMap("api"));
        await store.SaveAsync(completed, None);

        var listed = await (await OpenAsync()).ListAsync(None);
        AssertSameRevision(completed, Assert.Single(listed));
    }

    [Fact]
    public async Task Projects_and_environments_are_separate_histories_and_locks()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web")), None);
        await using var held = await store.LockAsync(Requester(), None);

        foreach (var other in new[] { Name with { Environment = "prod" }, Name with { Project = Name.Project + "-other" } })
        {
            var neighbour = await OpenAsync(other);
            Assert.Empty(await neighbour.ListAsync(None));
            await neighbour.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("elsewhere")), None);
            await using var neighbourLock = await neighbour.LockAsync(Requester("decl apply --env prod"), None);
            Assert.Equal("decl apply --env prod", neighbourLock.Holder.Command);
        }

        Assert.Equal(["web"], (await store.GetAsync(1, None))!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task Deleting_a_revision_removes_it_and_its_journal()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Superseded, ConfigMap("a")), None);
        await store.SaveAsync(Revision(2, RevisionStatus.Pending), None);
        await store.AppendAsync(2, Applied(ConfigMap("recorded")), None);

        await store.DeleteAsync(2, None);
        await store.DeleteAsync(7, None);
        await store.SaveAsync(Revision(2, RevisionStatus.Pending, ConfigMap("new")), None);

        var reader = await OpenAsync();
        Assert.Equal([1, 2], (await reader.ListAsync(None)).Select(r => r.Number));
        Assert.Equal(["new"], (await reader.GetAsync(2, None))!.Inventory.Select(e => e.Address.Name));
        await reader.DeleteAsync(1, None);
        Assert.Equal([2], (await reader.ListAsync(None)).Select(r => r.Number));
    }

    [Fact]
    public async Task A_pending_revision_is_read_by_another_process_with_its_journal_replayed()
    {
        var crashed = await OpenAsync();
        var begun = Revision(1, RevisionStatus.Pending, ConfigMap("keep"), ConfigMap("gone"));
        await crashed.SaveAsync(begun, None);
        await crashed.AppendAsync(1, Applied(ConfigMap("web", "v1")), None);
        await crashed.AppendAsync(1, Applied(Secret()), None);
        await crashed.AppendAsync(1, new JournalRecord.Deleted(ConfigMapAddress("gone")), None);
        await crashed.AppendAsync(1, Applied(ConfigMap("web", "v2")), None);

        var store = await OpenAsync();
        var expected = begun with { Inventory = [ConfigMap("keep"), Secret(), ConfigMap("web", "v2")] };

        AssertSameRevision(expected, (await store.GetLatestAsync(None))!);
        AssertSameRevision(expected, (await store.GetAsync(1, None))!);
        AssertSameRevision(expected, Assert.Single(await store.ListAsync(None)));
        Assert.Equal(["ConfigMap/default/keep", "ConfigMap/default/web", "Secret/default/db"], (await store.GetAsync(1, None))!.Inventory.Select(e => e.Address.ToString()));
    }

    [Fact]
    public async Task Concurrent_appends_all_land()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), None);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => store.AppendAsync(1, Applied(ConfigMap($"c{i:D3}")), None))));

        var read = await (await OpenAsync()).GetAsync(1, None);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"c{i:D3}"), read!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task Saving_a_revision_whole_drops_its_journal()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("base")), None);
        await store.AppendAsync(1, Applied(ConfigMap("recorded")), None);
        var replayed = (await store.GetAsync(1, None))!;

        await store.SaveAsync(replayed with { Status = RevisionStatus.Failed, FinishedAt = Start.AddHours(1) }, None);
        var completed = (await (await OpenAsync()).GetAsync(1, None))!;

        Assert.Equal(RevisionStatus.Failed, completed.Status);
        Assert.Equal(["base", "recorded"], completed.Inventory.Select(e => e.Address.Name));

        // Saved pending again without the record: the journal went with the first save.
        await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("base")), None);
        Assert.Equal(["base"], (await (await OpenAsync()).GetAsync(1, None))!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task Recording_to_a_revision_that_was_never_saved_is_a_bug()
    {
        var store = await OpenAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(3, Applied(ConfigMap("a")), None));

        Assert.Contains("Revision 3 is not in the store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_locker_from_another_process_fails_at_once_naming_the_holder()
    {
        await using var held = await (await OpenAsync()).LockAsync(Requester("decl apply --env dev", 4312), None);
        var second = await OpenAsync();

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StateLockedException>(() => second.LockAsync(Requester("decl destroy --env dev", 999), None));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(Requester("decl apply --env dev", 4312), error.Holder);
        Assert.Contains($"Environment \"{Name.Environment}\" is locked by decl apply --env dev (user alice, pid 4312 on ci-7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_store_cannot_lock_twice()
    {
        var store = await OpenAsync();
        await using var held = await store.LockAsync(Requester(), None);

        await Assert.ThrowsAsync<StateLockedException>(() => store.LockAsync(Requester("decl rollback --env dev"), None));
    }

    [Fact]
    public async Task A_released_lock_is_free_for_the_next_run()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed), None);
        var first = await store.LockAsync(Requester(), None);
        Assert.Null(first.AbandonedPending);

        await first.DisposeAsync();
        await using var next = await (await OpenAsync()).LockAsync(Requester("decl rollback --env dev"), None);

        Assert.Equal("decl rollback --env dev", next.Holder.Command);
        Assert.Null(next.AbandonedPending);
        Assert.Equal(LockRemovalOutcome.HeldByLiveRun, (await (await OpenAsync()).RemoveStaleLockAsync(None)).Outcome);
    }

    [Fact]
    public async Task The_lock_of_a_holder_that_died_is_taken_over_with_its_pending_revision()
    {
        var dying = await OpenAsync();
        await dying.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web")), None);
        var held = await dying.LockAsync(Requester("decl apply --env dev", 4312), None);
        await dying.SaveAsync(Revision(2, RevisionStatus.Pending, ConfigMap("web")), None);
        await dying.AppendAsync(2, Applied(ConfigMap("api")), None);

        await KillHolderAsync(Name, held);
        var next = await OpenAsync();
        await using var taken = await next.LockAsync(Requester("decl apply --env dev", 5000), None);

        Assert.Equal(5000, taken.Holder.ProcessId);
        Assert.Equal(2, taken.AbandonedPending?.Number);
        Assert.Equal(["api", "web"], taken.AbandonedPending!.Inventory.Select(e => e.Address.Name));
        var third = await Assert.ThrowsAsync<StateLockedException>(async () => await (await OpenAsync()).LockAsync(Requester("decl destroy", 6000), None));
        Assert.Equal(5000, third.Holder?.ProcessId);
    }

    [Fact]
    public async Task Unlock_finds_nothing_to_remove_when_nobody_locked()
    {
        var removal = await (await OpenAsync()).RemoveStaleLockAsync(None);

        Assert.Equal(new LockRemoval(LockRemovalOutcome.NotLocked, Name.Environment, null), removal);
    }

    [Fact]
    public async Task Unlock_refuses_while_a_run_holds_the_lock()
    {
        await using var held = await (await OpenAsync()).LockAsync(Requester(), None);

        var removal = await (await OpenAsync()).RemoveStaleLockAsync(None);

        Assert.Equal(new LockRemoval(LockRemovalOutcome.HeldByLiveRun, Name.Environment, Requester()), removal);
        await Assert.ThrowsAsync<StateLockedException>(async () => await (await OpenAsync()).LockAsync(Requester("decl destroy"), None));
    }

    [Fact]
    public async Task Unlock_removes_the_record_of_a_holder_that_died()
    {
        var held = await (await OpenAsync()).LockAsync(Requester(), None);
        await KillHolderAsync(Name, held);

        var removal = await (await OpenAsync()).RemoveStaleLockAsync(None);
        var again = await (await OpenAsync()).RemoveStaleLockAsync(None);

        Assert.Equal(new LockRemoval(LockRemovalOutcome.Removed, Name.Environment, Requester()), removal);
        Assert.Equal(LockRemovalOutcome.NotLocked, again.Outcome);
        await using var next = await (await OpenAsync()).LockAsync(Requester("decl rollback --env dev"), None);
        Assert.Equal("decl rollback --env dev", next.Holder.Command);
    }

    [Fact]
    public async Task Unlock_refuses_while_the_recorded_holder_still_runs_on_this_host()
    {
        var alive = new LockRecord("bob", Environment.MachineName, Environment.ProcessId, Start, "decl apply --env dev");
        var held = await (await OpenAsync()).LockAsync(alive, None);
        await KillHolderAsync(Name, held);

        var removal = await (await OpenAsync()).RemoveStaleLockAsync(None);

        Assert.Equal(new LockRemoval(LockRemovalOutcome.HolderStillRunning, Name.Environment, alive), removal);
    }
}
