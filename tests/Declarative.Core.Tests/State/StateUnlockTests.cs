using System.Diagnostics;
using System.Text.Json;
using Declarative.Core.State;
using Declarative.Testing;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

/// <summary><c>decl state unlock</c> at the store: a record is removed only when its run is gone.</summary>
public sealed class StateUnlockTests : IDisposable
{
    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task Removes_the_record_of_a_holder_whose_process_is_gone()
    {
        var dead = new LockRecord("bob", Environment.MachineName, await ExitedProcessIdAsync(), Start, "decl apply --env dev");
        await WriteRecordAsync(dead);

        var removal = await fixture.Store().RemoveStaleLockAsync(CancellationToken.None);

        Assert.Equal(new LockRemoval(LockRemovalOutcome.Removed, "dev", dead), removal);
        Assert.False(File.Exists(fixture.PathOf("lock.json")));
    }

    [Fact]
    public async Task Refuses_while_the_holder_process_runs_on_this_host()
    {
        var alive = new LockRecord("bob", Environment.MachineName, Environment.ProcessId, Start, "decl apply --env dev");
        await WriteRecordAsync(alive);

        var removal = await fixture.Store().RemoveStaleLockAsync(CancellationToken.None);

        Assert.Equal(new LockRemoval(LockRemovalOutcome.HolderStillRunning, "dev", alive), removal);
        Assert.True(File.Exists(fixture.PathOf("lock.json")));
    }

    [Fact]
    public async Task Refuses_while_a_run_holds_the_lock()
    {
        await using var held = await fixture.Store().LockAsync(Requester("decl apply --env dev"), CancellationToken.None);

        var removal = await fixture.Store().RemoveStaleLockAsync(CancellationToken.None);

        Assert.Equal(new LockRemoval(LockRemovalOutcome.HeldByLiveRun, "dev", Requester("decl apply --env dev")), removal);
        Assert.True(File.Exists(fixture.PathOf("lock.json")));
    }

    [Fact]
    public async Task A_holder_on_another_host_is_removed_when_no_process_holds_the_lock()
    {
        var elsewhere = Requester("decl apply --env dev", Environment.ProcessId) with { Host = "another-host-" + Guid.NewGuid().ToString("N") };
        await WriteRecordAsync(elsewhere);

        var removal = await fixture.Store().RemoveStaleLockAsync(CancellationToken.None);

        Assert.Equal(LockRemovalOutcome.Removed, removal.Outcome);
        Assert.False(File.Exists(fixture.PathOf("lock.json")));
    }

    [Fact]
    public async Task An_unreadable_record_without_a_holder_is_removed()
    {
        Directory.CreateDirectory(fixture.Folder);
        await File.WriteAllTextAsync(fixture.PathOf("lock.json"), "{not json");

        var removal = await fixture.Store().RemoveStaleLockAsync(CancellationToken.None);

        Assert.Equal(new LockRemoval(LockRemovalOutcome.Removed, "dev", null), removal);
        Assert.False(File.Exists(fixture.PathOf("lock.json")));
    }

    [Fact]
    public async Task Nothing_to_remove_creates_no_state_folder()
    {
        var removal = await fixture.Store().RemoveStaleLockAsync(CancellationToken.None);

        Assert.Equal(LockRemovalOutcome.NotLocked, removal.Outcome);
        Assert.False(Directory.Exists(fixture.Folder));
    }

    [Fact]
    public async Task After_removal_a_new_run_locks_as_usual()
    {
        await WriteRecordAsync(new LockRecord("bob", Environment.MachineName, await ExitedProcessIdAsync(), Start, "decl apply"));
        await fixture.Store().RemoveStaleLockAsync(CancellationToken.None);

        await using var held = await fixture.Store().LockAsync(Requester("decl rollback"), CancellationToken.None);

        Assert.Equal("decl rollback", held.Holder.Command);
    }

    [Fact]
    public async Task The_in_memory_store_refuses_a_held_lock()
    {
        var store = new InMemoryStateStore("dev");
        var free = await store.RemoveStaleLockAsync(CancellationToken.None);
        await using var held = await store.LockAsync(Requester(), CancellationToken.None);

        var refused = await store.RemoveStaleLockAsync(CancellationToken.None);

        Assert.Equal(LockRemovalOutcome.NotLocked, free.Outcome);
        Assert.Equal(new LockRemoval(LockRemovalOutcome.HeldByLiveRun, "dev", Requester()), refused);
    }

    public void Dispose() => fixture.Dispose();

    /// <summary>The pid of a process that has exited (and was reaped): no process has it now.</summary>
    internal static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private async Task WriteRecordAsync(LockRecord record)
    {
        Directory.CreateDirectory(fixture.Folder);
        var json = JsonSerializer.Serialize(new
        {
            formatVersion = 1,
            user = record.User,
            host = record.Host,
            processId = record.ProcessId,
            started = record.Started,
            command = record.Command,
        });
        await File.WriteAllTextAsync(fixture.PathOf("lock.json"), json);
    }
}
