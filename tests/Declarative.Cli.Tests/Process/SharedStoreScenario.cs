using System.Globalization;

namespace Declarative.Cli.Tests.Processes;

/// <summary>
/// Two `decl apply` processes with different state folders but the same remote store (issue 13): the second fails at
/// once naming the first (command, user, pid, host) while the first applies; the first is SIGKILLed mid-run; once its
/// lock is gone (a Lease expires, a PostgreSQL session ends) the next run takes over its pending revision, marks it
/// failed and converges; a plan from the other folder then says No changes. Nothing is written to either folder.
/// </summary>
internal static class SharedStoreScenario
{
    /// <summary>Applied one at a time with request latency: the first run is still applying long after the second
    /// one has started, been refused and exited.</summary>
    public const int ConfigMaps = 30;

    /// <summary>Until the first run has created a ConfigMap: slow enough to see it happen.</summary>
    private static readonly TimeSpan StartLatency = TimeSpan.FromMilliseconds(150);

    /// <summary>From then on: the first run creates about one ConfigMap a second, so it is still applying (30 s)
    /// however long the second one takes to start on a busy machine; well under a Lease's duration in these tests, so
    /// its renewals keep it.</summary>
    private static readonly TimeSpan CrawlLatency = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <param name="lockGone">Waits until the killed run's lock no longer stands in the way.</param>
    /// <param name="holderWritten">Checks what the store recorded about the first run while it held the lock.</param>
    public static async Task RunAsync(SignalCluster cluster, Func<DeclProcess, Task> holderWritten, Func<Task> lockGone)
    {
        var first = Folder(cluster, "state-a");
        var second = Folder(cluster, "state-b");
        cluster.Host.State.Faults.Latency = StartLatency;
        await using (var holder = DeclProcess.Start(cluster.Dir.Root, first, cluster.CommandLine("apply", "--auto-approve", "--parallelism", "1")))
        {
            await holder.WaitForLineAsync(
                ProcessOutput.Channel.Stdout,
                line => line.Contains($" ConfigMap/{SignalCluster.Namespace}/cm-", StringComparison.Ordinal) && line.EndsWith(": Created", StringComparison.Ordinal),
                "a ConfigMap created",
                Timeout);
            cluster.Host.State.Faults.Latency = CrawlLatency;

            await using (var refused = DeclProcess.Start(cluster.Dir.Root, second, cluster.CommandLine("apply", "--auto-approve")))
            {
                var exitCode = await refused.WaitForExitAsync(Timeout);
                Assert.True(exitCode == 1, $"exit code {exitCode}\n{refused.Transcript}\nThe first run:\n{holder.Transcript}");
                Assert.Contains("error: DCL501 State is locked", refused.Stderr, StringComparison.Ordinal);
                var named = string.Create(CultureInfo.InvariantCulture, $"Environment \"dev\" is locked by decl apply (user {SignalCluster.User}, pid {holder.Id} on {Environment.MachineName}, since ");
                Assert.True(refused.Stderr.Contains(named, StringComparison.Ordinal), $"Not naming the holder ({named}...):\n{refused.Transcript}");
                Assert.DoesNotContain("Created", refused.Stdout, StringComparison.Ordinal);
            }

            await holderWritten(holder);

            // Still applying when the second run was refused: SIGKILL, not a normal exit, ends it.
            holder.KillHard();
            var killed = await holder.WaitForExitAsync(Timeout);
            Assert.True(killed == 137, $"exit code {killed}\n{holder.Transcript}");
        }

        cluster.Host.State.Faults.Clear();
        await lockGone();
        var next = await CliRunner.RunAsync(cluster.Dir.Root, second, cluster.CommandLine("apply", "--auto-approve")).WaitAsync(Timeout);
        Assert.True(next.ExitCode == 0, next.All);
        var takeover = Assert.Single(next.Stderr.Split('\n'), line => line.StartsWith("warning: Revision 1 ", StringComparison.Ordinal));
        Assert.Contains($"(decl apply --env dev, by {SignalCluster.User}, started ", takeover, StringComparison.Ordinal);
        Assert.Contains("marked failed", takeover, StringComparison.Ordinal);
        Assert.Equal(ConfigMaps, (await cluster.OwnedNamesAsync("/api/v1", "configmaps")).Count);

        var plan = await CliRunner.RunAsync(cluster.Dir.Root, first, cluster.CommandLine("plan", "--detailed-exitcode")).WaitAsync(Timeout);
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("No changes.", plan.Stdout, StringComparison.Ordinal);
        Assert.Equal(["failed", "deployed"], (await cluster.HistoryAsync()).Select(r => r!["status"]!.GetValue<string>()));
        Assert.Empty(Directory.GetFiles(cluster.Dir.Root, "revision-*.json", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(cluster.Dir.Root, "lock*", SearchOption.AllDirectories));
    }

    /// <summary>The cluster's environment with its own state folder: another machine's, or another checkout's.</summary>
    private static Dictionary<string, string> Folder(SignalCluster cluster, string folder) =>
        new(cluster.Environment) { ["DECLARATIVE_STATE_DIR"] = cluster.Dir.PathOf(folder) };
}
