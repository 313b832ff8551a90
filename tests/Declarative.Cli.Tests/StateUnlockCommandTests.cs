using System.Diagnostics;
using System.Text.Json;
using Declarative.Core.State;
using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary><c>decl state unlock</c>: removes the record of a run that is gone, refuses one that runs; from the
/// store only, so a project whose manifests do not even parse can be unlocked.</summary>
public sealed class StateUnlockCommandTests : IDisposable
{
    private static readonly DateTimeOffset Since = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory dir = new(new Dictionary<string, string>
    {
        ["shop/declarative.yaml"] = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: shop}\nspec:\n  environments:\n    dev: {kubernetes: {namespace: shop-dev}}\n",
        ["shop/manifests/broken.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ unclosed\n",
    });

    private string StateFolder => dir.PathOf("state/dev");

    private string RecordPath => Path.Combine(StateFolder, "lock.json");

    [Fact]
    public async Task Removes_the_record_of_a_holder_whose_process_is_gone()
    {
        var pid = await ExitedProcessIdAsync();
        WriteRecord(new LockRecord("bob", Environment.MachineName, pid, Since, "decl apply --env dev"));

        var result = await Decl("state", "unlock", "shop");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal($"Removed the lock record of decl apply --env dev (user bob, pid {pid} on {Environment.MachineName}, since 2025-03-01 10:00:00Z): that process is gone.\n", result.Stdout);
        Assert.False(File.Exists(RecordPath));
    }

    [Fact]
    public async Task Refuses_while_the_holder_process_is_alive_naming_it_and_what_to_do()
    {
        var pid = Environment.ProcessId;
        WriteRecord(new LockRecord("bob", Environment.MachineName, pid, Since, "decl apply --env dev"));

        var result = await Decl("state", "unlock", "shop");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"error: DCL501 Lock holder is still running\n" +
            $"    The lock record of environment \"dev\" names decl apply --env dev (user bob, pid {pid} on {Environment.MachineName}, since 2025-03-01 10:00:00Z), and process {pid} still runs on this host.\n" +
            $"    Wait for it to finish, or stop it (kill -INT {pid}), then run decl state unlock again.\n",
            result.Stderr);
        Assert.True(File.Exists(RecordPath));
    }

    [Fact]
    public async Task Refuses_while_a_run_holds_the_lock()
    {
        var store = new LocalStateStore(StateFolder, "dev", null, TimeProvider.System);
        await using var held = await store.LockAsync(new LockRecord("alice", "ci-7", 4312, Since, "decl apply --env dev"), CancellationToken.None);

        var result = await Decl("state", "unlock", "shop");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DCL501 State is locked by a running process", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("locked by decl apply --env dev (user alice, pid 4312 on ci-7, since 2025-03-01 10:00:00Z), which holds the lock now.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Wait for that run to finish, or stop it (kill -INT 4312 on ci-7): its lock goes with its process.", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(RecordPath));
    }

    [Fact]
    public async Task Says_so_when_nothing_is_locked()
    {
        var result = await Decl("state", "unlock", "shop");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("Environment \"dev\" is not locked: nothing to remove.\n", result.Stdout);
    }

    public void Dispose() => dir.Dispose();

    private Task<CliResult> Decl(params string[] args) =>
        CliRunner.RunAsync(dir.Root, new Dictionary<string, string> { ["DECLARATIVE_STATE_DIR"] = dir.PathOf("state") }, args);

    private void WriteRecord(LockRecord record)
    {
        Directory.CreateDirectory(StateFolder);
        File.WriteAllText(RecordPath, JsonSerializer.Serialize(new
        {
            formatVersion = 1,
            user = record.User,
            host = record.Host,
            processId = record.ProcessId,
            started = record.Started,
            command = record.Command,
        }));
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
