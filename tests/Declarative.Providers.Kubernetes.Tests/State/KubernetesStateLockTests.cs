using Declarative.Core.State;
using Declarative.Providers.Kubernetes.State;
using static Declarative.Providers.Kubernetes.Tests.State.StateSamples;

namespace Declarative.Providers.Kubernetes.Tests.State;

/// <summary>The Kubernetes store's Lease lock against the API double: refusal naming the holder, takeover of an
/// expired Lease, renewal, release, and <c>decl state unlock</c>.</summary>
public sealed class KubernetesStateLockTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private StoreDouble _double = null!;

    public async Task InitializeAsync() => _double = await StoreDouble.StartAsync();

    public async Task DisposeAsync() => await _double.DisposeAsync();

    [Fact]
    public async Task A_second_locker_fails_at_once_naming_the_holder()
    {
        var holder = Requester("decl apply --env dev", pid: 4312, host: "ci-7");
        await using var held = await _double.Store("two").LockAsync(holder, None);

        var error = await Assert.ThrowsAsync<StateLockedException>(() => _double.Store("two").LockAsync(Requester("decl destroy --env dev", pid: 99), None));

        Assert.Equal(holder, error.Holder);
        Assert.Equal($"Environment \"dev\" is locked by decl apply --env dev (user alice, pid 4312 on ci-7, since {holder.Started:u}).", error.Message);
        Assert.Null(held.AbandonedPending);
    }

    [Fact]
    public async Task The_lock_is_a_lease_holding_the_lock_record_and_released_on_dispose()
    {
        var holder = Requester();
        var store = _double.Store("lease");
        await using (await store.LockAsync(holder, None))
        {
            var lease = LeaseState.Read((await _double.LeaseAsync("lease"))!);
            Assert.Equal(holder, lease.Holder);
            Assert.Equal(60, lease.DurationSeconds);
            Assert.False(lease.IsExpired(DateTimeOffset.UtcNow));
        }

        var released = (await _double.LeaseAsync("lease"))!;
        Assert.True(LeaseState.Read(released).IsFree);
        await using var again = await _double.Store("lease").LockAsync(Requester("decl rollback --env dev"), None);
        Assert.Equal("decl rollback --env dev", LeaseState.Read((await _double.LeaseAsync("lease"))!).Holder!.Command);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_in_place_and_the_dead_runs_pending_revision_is_abandoned()
    {
        var dead = new LockRecord("bob", "laptop-3", 777, DateTimeOffset.UtcNow.AddMinutes(-10), "decl apply --env dev");
        var deadStore = _double.Store("takeover");
        await deadStore.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("a")), None);
        await deadStore.SaveAsync(Revision(2, RevisionStatus.Pending, ConfigMap("a")), None);
        await deadStore.AppendAsync(2, new JournalRecord.Applied(ConfigMap("b")), None);
        await _double.PlantLeaseAsync("takeover", dead, DateTimeOffset.UtcNow.AddMinutes(-2));
        var before = (await _double.LeaseAsync("takeover"))!;

        await using var held = await _double.Store("takeover").LockAsync(Requester(), None);
        var after = (await _double.LeaseAsync("takeover"))!;

        Assert.Equal(2, held.AbandonedPending!.Number);
        Assert.Equal(["a", "b"], held.AbandonedPending.Inventory.Select(e => e.Address.Name));
        Assert.Equal(before["metadata"]!["uid"]!.GetValue<string>(), after["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal(5, LeaseState.Read(after).Transitions);
        Assert.Equal("alice", LeaseState.Read(after).Holder!.User);
    }

    [Fact]
    public async Task Of_several_runs_that_find_the_lease_expired_exactly_one_takes_it()
    {
        await _double.PlantLeaseAsync("race", new LockRecord("bob", "laptop-3", 777, DateTimeOffset.UtcNow.AddMinutes(-10), "decl apply --env dev"), DateTimeOffset.UtcNow.AddMinutes(-2));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return (Lock: await _double.Store("race").LockAsync(Requester($"decl apply --env dev #{i}", pid: 1000 + i), None), Error: (StateLockedException?)null);
            }
            catch (StateLockedException error)
            {
                return (Lock: (IStateLock?)null, Error: error);
            }
        }));

        var winner = Assert.Single(attempts, a => a.Lock is not null).Lock!;
        Assert.All(attempts.Where(a => a.Lock is null), a => Assert.Equal(winner.Holder, a.Error!.Holder));
        Assert.Equal(winner.Holder, LeaseState.Read((await _double.LeaseAsync("race"))!).Holder);
        await winner.DisposeAsync();
    }

    [Fact]
    public async Task A_live_lease_of_another_host_is_never_taken()
    {
        var other = new LockRecord("bob", "laptop-3", 777, DateTimeOffset.UtcNow, "decl apply --env dev");
        await _double.PlantLeaseAsync("live", other, DateTimeOffset.UtcNow.AddSeconds(-50));

        var error = await Assert.ThrowsAsync<StateLockedException>(() => _double.Store("live").LockAsync(Requester(), None));

        Assert.Equal(other, error.Holder);
        Assert.Equal(other, LeaseState.Read((await _double.LeaseAsync("live"))!).Holder);
    }

    [Fact]
    public async Task Renewal_keeps_a_long_runs_lock_past_its_duration()
    {
        var store = _double.Store("renew", o => o with { LeaseDuration = TimeSpan.FromSeconds(2) });
        await using var held = await store.LockAsync(Requester(), None);
        var acquired = LeaseState.Read((await _double.LeaseAsync("renew"))!).RenewTime!.Value;

        await Task.Delay(TimeSpan.FromSeconds(4.5));

        var lease = LeaseState.Read((await _double.LeaseAsync("renew"))!);
        Assert.True(((LeaseLock)held).Renewals >= 3, $"{((LeaseLock)held).Renewals} renewals");
        Assert.True(lease.RenewTime > acquired.AddSeconds(2), $"renewed at {lease.RenewTime:O}, acquired at {acquired:O}");
        await Assert.ThrowsAsync<StateLockedException>(() => _double.Store("renew").LockAsync(Requester("decl destroy --env dev"), None));
    }

    [Fact]
    public async Task A_run_whose_lease_was_taken_over_writes_nothing_more()
    {
        var store = _double.Store("lost", o => o with { LeaseDuration = TimeSpan.FromSeconds(1) });
        await using var held = await store.LockAsync(Requester(), None);
        var other = new LockRecord("bob", "laptop-3", 777, DateTimeOffset.UtcNow, "decl apply --env dev");
        var lease = (await _double.LeaseAsync("lost"))!;
        await _double.Client().JsonPatchAsync(StateApi.Leases, StoreDouble.Namespace, "decl.lost.dev", [StateApi.Add("/spec/holderIdentity", LeaseState.IdentityOf(other))], "test", None);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var error = await Assert.ThrowsAsync<StateLockedException>(() => store.SaveAsync(Revision(1, RevisionStatus.Pending), None));

        Assert.Contains("is no longer locked by this run: Lease declarative-system/decl.lost.dev was taken over by decl apply --env dev (user bob, pid 777 on laptop-3", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _double.SecretsAsync("lost"));
        Assert.NotNull(lease);
    }

    [Fact]
    public async Task Unlock_clears_only_an_expired_lease_of_a_gone_run()
    {
        Assert.Equal(LockRemovalOutcome.NotLocked, (await _double.Store("unlock").RemoveStaleLockAsync(None)).Outcome);

        await using (await _double.Store("unlock").LockAsync(Requester(), None))
        {
            var refused = await _double.Store("unlock").RemoveStaleLockAsync(None);
            Assert.Equal(LockRemovalOutcome.HeldByLiveRun, refused.Outcome);
            Assert.Equal("alice", refused.Holder!.User);
        }

        var gone = new LockRecord("bob", "laptop-3", 777, DateTimeOffset.UtcNow.AddMinutes(-5), "decl apply --env dev");
        await _double.PlantLeaseAsync("unlock-expired", gone, DateTimeOffset.UtcNow.AddMinutes(-3));
        var removed = await _double.Store("unlock-expired").RemoveStaleLockAsync(None);

        Assert.Equal(LockRemovalOutcome.Removed, removed.Outcome);
        Assert.Equal(gone, removed.Holder);
        Assert.True(LeaseState.Read((await _double.LeaseAsync("unlock-expired"))!).IsFree);
    }

    [Fact]
    public async Task Unlock_refuses_an_expired_lease_whose_process_still_runs_here()
    {
        var suspended = new LockRecord("alice", Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow.AddMinutes(-5), "decl apply --env dev");
        await _double.PlantLeaseAsync("suspended", suspended, DateTimeOffset.UtcNow.AddMinutes(-3));

        var refused = await _double.Store("suspended").RemoveStaleLockAsync(None);

        Assert.Equal(LockRemovalOutcome.HolderStillRunning, refused.Outcome);
        Assert.False(LeaseState.Read((await _double.LeaseAsync("suspended"))!).IsFree);
    }
}
