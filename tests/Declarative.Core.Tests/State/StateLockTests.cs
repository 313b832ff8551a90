using Declarative.Core.State;
using Declarative.Testing;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

public sealed class StateLockTests : IDisposable
{
    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task A_second_lock_on_the_same_folder_fails_naming_the_holder()
    {
        await using var held = await fixture.Store().LockAsync(Requester("decl apply --env dev", 4312), CancellationToken.None);

        var error = await Assert.ThrowsAsync<StateLockedException>(() => fixture.Store().LockAsync(Requester("decl destroy", 999), CancellationToken.None));

        Assert.Equal(Requester("decl apply --env dev", 4312), error.Holder);
        Assert.Contains("locked by decl apply --env dev (user alice, pid 4312 on ci-7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_store_cannot_lock_twice()
    {
        var store = fixture.Store();
        await using var held = await store.LockAsync(Requester(), CancellationToken.None);

        await Assert.ThrowsAsync<StateLockedException>(() => store.LockAsync(Requester(), CancellationToken.None));
    }

    [Fact]
    public async Task Writes_the_lock_record_while_held_and_removes_it_on_release()
    {
        var store = fixture.Store();
        var held = await store.LockAsync(Requester(), CancellationToken.None);
        var recordWhileHeld = File.Exists(fixture.PathOf("lock.json"));

        await held.DisposeAsync();

        Assert.True(recordWhileHeld);
        Assert.False(File.Exists(fixture.PathOf("lock.json")));
        await using var again = await fixture.Store().LockAsync(Requester("decl rollback"), CancellationToken.None);
        Assert.Equal("decl rollback", again.Holder.Command);
    }

    [Fact]
    public async Task A_stale_lock_record_without_a_lock_does_not_block()
    {
        Directory.CreateDirectory(fixture.Folder);
        await File.WriteAllTextAsync(fixture.PathOf("lock.json"), """{"formatVersion":1,"user":"bob","host":"gone","processId":1,"started":"2025-01-01T00:00:00+00:00","command":"decl apply"}""");

        await using var held = await fixture.Store().LockAsync(Requester(), CancellationToken.None);

        Assert.Contains("\"alice\"", await File.ReadAllTextAsync(fixture.PathOf("lock.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returns_the_pending_revision_of_a_holder_that_died()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed), CancellationToken.None);
        await store.SaveAsync(Revision(2, RevisionStatus.Pending, ConfigMap("web")), CancellationToken.None);

        await using var held = await store.LockAsync(Requester(), CancellationToken.None);

        Assert.Equal(2, held.AbandonedPending?.Number);
        Assert.Single(held.AbandonedPending!.Inventory);
    }

    [Fact]
    public async Task Has_no_abandoned_revision_when_the_latest_finished()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Failed), CancellationToken.None);

        await using var held = await store.LockAsync(Requester(), CancellationToken.None);

        Assert.Null(held.AbandonedPending);
    }

    [Fact]
    public async Task The_in_memory_store_locks_the_same_way()
    {
        var store = new InMemoryStateStore("dev");
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);
        var held = await store.LockAsync(Requester("decl apply"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<StateLockedException>(() => store.LockAsync(Requester("decl destroy"), CancellationToken.None));
        await held.DisposeAsync();
        await using var again = await store.LockAsync(Requester("decl destroy"), CancellationToken.None);

        Assert.Equal("decl apply", error.Holder?.Command);
        Assert.Equal(1, held.AbandonedPending?.Number);
        Assert.Equal("decl destroy", again.Holder.Command);
    }

    public void Dispose() => fixture.Dispose();
}
