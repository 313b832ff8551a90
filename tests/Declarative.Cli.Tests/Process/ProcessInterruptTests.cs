using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Declarative.Cli.Tests.Processes;

/// <summary>
/// `decl apply` as a real process, interrupted the ways a terminal, a CI runner and the OOM killer do it (DESIGN
/// "Ownership, state and history", Locks; "Apply"; docs/apply.md, "Interrupts"): SIGINT or SIGTERM completes the
/// revision as failed with what was done, releases the lock and exits 130 or 143; a second signal aborts in-flight
/// calls at once; SIGKILL leaves a pending revision that the next apply reports and takes over. Each test signals
/// only after the run printed that it reached the point under test.
/// </summary>
public sealed class ProcessInterruptTests
{
    /// <summary>Applied one at a time with <see cref="Latency"/> per request: a run that is still applying when the
    /// first ConfigMap is created (the planner GETs each one too, so more would only slow the test).</summary>
    private const int ConfigMaps = 8;

    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    /// <summary>Generous: the machine running the tests may be busy.</summary>
    private static readonly TimeSpan OutputTimeout = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Sigint_while_applying_fails_the_revision_with_what_was_done_releases_the_lock_and_exits_130()
    {
        await using var cluster = await SignalCluster.ManyConfigMapsAsync(ConfigMaps);
        cluster.Host.State.Faults.Latency = Latency;
        int exitCode;
        string stdout;
        await using (var decl = cluster.Start("apply", "--auto-approve", "--parallelism", "1"))
        {
            await WaitForFirstCreatedConfigMapAsync(decl);
            await decl.SignalAsync("INT");
            exitCode = await decl.WaitForExitAsync(ExitTimeout);
            stdout = decl.Stdout;
            Assert.True(exitCode == 130, $"exit code {exitCode}\n{decl.Transcript}");
            Assert.Contains("Interrupted: starting nothing new", decl.Stderr, StringComparison.Ordinal);
            Assert.Contains($"ConfigMap/{SignalCluster.Namespace}/", stdout, StringComparison.Ordinal);
            Assert.Contains("skipped: The run was cancelled before", stdout, StringComparison.Ordinal);
            Assert.Contains("Apply interrupted: ", stdout, StringComparison.Ordinal);
            Assert.Contains("Revision 1 failed.", stdout, StringComparison.Ordinal);
        }

        cluster.Host.State.Faults.Clear();
        var revision = Assert.Single(await cluster.HistoryAsync());
        Assert.Equal("failed", revision!["status"]!.GetValue<string>());

        // What was done is what exists: the in-flight call finished within the grace period and was recorded.
        var live = await cluster.OwnedNamesAsync("/api/v1", "configmaps");
        Assert.InRange(live.Count, 1, ConfigMaps - 1);
        Assert.Equal(live.Count + 1, revision["objects"]!.GetValue<int>());
        Assert.Contains($"The run stopped before {ConfigMaps - live.Count} resource", revision["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("failed", (await cluster.RunAsync("history")).Stdout, StringComparison.Ordinal);

        await AssertLockReleasedAndRunConvergesAsync(cluster);
        Assert.Equal(ConfigMaps, (await cluster.OwnedNamesAsync("/api/v1", "configmaps")).Count);
    }

    [Fact]
    public async Task Sigterm_while_waiting_fails_the_revision_with_what_was_done_releases_the_lock_and_exits_143()
    {
        await using var cluster = await SignalCluster.SlowRolloutAsync();
        await using (var decl = cluster.Start("apply", "--auto-approve"))
        {
            await decl.WaitForLineAsync(ProcessOutput.Channel.Stdout, $"Deployment.apps/{SignalCluster.Namespace}/web: waiting", OutputTimeout);
            await decl.SignalAsync("TERM");
            var exitCode = await decl.WaitForExitAsync(ExitTimeout);
            Assert.True(exitCode == 143, $"exit code {exitCode}\n{decl.Transcript}");
            Assert.Contains($"The run was cancelled while waiting for Deployment.apps/{SignalCluster.Namespace}/web to be ready.", decl.Stdout, StringComparison.Ordinal);
            Assert.Contains($"ConfigMap/{SignalCluster.Namespace}/after-web: skipped:", decl.Stdout, StringComparison.Ordinal);
            Assert.Contains("Apply interrupted: 1 applied, 0 deleted, 1 failed, 1 skipped. Revision 1 failed.", decl.Stdout, StringComparison.Ordinal);
        }

        var revision = Assert.Single(await cluster.HistoryAsync());
        Assert.Equal("failed", revision!["status"]!.GetValue<string>());
        Assert.Equal(2, revision["objects"]!.GetValue<int>());
        Assert.Contains($"Deployment.apps/{SignalCluster.Namespace}/web: The run was cancelled while waiting", revision["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["web"], await cluster.OwnedNamesAsync("/apis/apps/v1", "deployments"));
        Assert.Empty(await cluster.OwnedNamesAsync("/api/v1", "configmaps"));

        await AssertLockReleasedAndRunConvergesAsync(cluster);
        Assert.Equal(["after-web"], await cluster.OwnedNamesAsync("/api/v1", "configmaps"));
    }

    [Fact]
    public async Task A_second_sigint_aborts_in_flight_calls_without_waiting_out_the_grace_period()
    {
        await using var cluster = await SignalCluster.SlowRolloutAsync();
        await using (var decl = cluster.Start("apply", "--auto-approve"))
        {
            await decl.WaitForLineAsync(ProcessOutput.Channel.Stdout, $"Deployment.apps/{SignalCluster.Namespace}/web: waiting", OutputTimeout);
            var sinceFirst = Stopwatch.StartNew();
            await decl.SignalAsync("INT");
            await decl.WaitForLineAsync(ProcessOutput.Channel.Stderr, "Interrupted: starting nothing new", OutputTimeout);
            await decl.SignalAsync("INT");
            var exitCode = await decl.WaitForExitAsync(ExitTimeout);
            var elapsed = sinceFirst.Elapsed;
            Assert.True(exitCode == 130, $"exit code {exitCode}\n{decl.Transcript}");
            Assert.Contains("Interrupted again: aborting in-flight calls.", decl.Stderr, StringComparison.Ordinal);

            // The grace period is 10 s: a run that waited it out did not listen to the second signal.
            Assert.True(elapsed < TimeSpan.FromSeconds(8), $"decl exited {elapsed.TotalSeconds:0.0} s after the first SIGINT.\n{decl.Transcript}");
        }

        var revision = Assert.Single(await cluster.HistoryAsync());
        Assert.Equal("failed", revision!["status"]!.GetValue<string>());
        Assert.Equal(2, revision["objects"]!.GetValue<int>());
        Assert.False(File.Exists(cluster.LockRecordPath), "The lock record outlived the run.");
    }

    [Fact]
    public async Task Sigkill_while_applying_leaves_a_pending_revision_that_the_next_apply_reports_and_takes_over()
    {
        await using var cluster = await SignalCluster.ManyConfigMapsAsync(ConfigMaps);
        cluster.Host.State.Faults.Latency = Latency;
        await using (var decl = cluster.Start("apply", "--auto-approve", "--parallelism", "1"))
        {
            await WaitForFirstCreatedConfigMapAsync(decl);
            await AssertKilledLeavingPendingRevisionAsync(cluster, decl);
        }

        cluster.Host.State.Faults.Clear();
        var pending = Assert.Single(await cluster.HistoryAsync())!;
        // The kill may land between a ConfigMap's create and its record: then only the Namespace is recorded.
        var recorded = pending["objects"]!.GetValue<int>();
        Assert.InRange(recorded, 1, ConfigMaps);

        var takeover = await AssertNextApplyTakesOverAsync(cluster, pending);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"it had recorded {recorded} of its {ConfigMaps + 1} planned changes: "), takeover, StringComparison.Ordinal);
        Assert.Contains($"Namespace/{SignalCluster.Namespace}", takeover, StringComparison.Ordinal);
        Assert.Equal(ConfigMaps, (await cluster.OwnedNamesAsync("/api/v1", "configmaps")).Count);
    }

    [Fact]
    public async Task Sigkill_while_waiting_leaves_a_pending_revision_that_the_next_apply_reports_and_takes_over()
    {
        await using var cluster = await SignalCluster.SlowRolloutAsync();
        await using (var decl = cluster.Start("apply", "--auto-approve"))
        {
            await decl.WaitForLineAsync(ProcessOutput.Channel.Stdout, $"Deployment.apps/{SignalCluster.Namespace}/web: waiting", OutputTimeout);
            await AssertKilledLeavingPendingRevisionAsync(cluster, decl);
        }

        var pending = Assert.Single(await cluster.HistoryAsync())!;
        Assert.Equal(2, pending["objects"]!.GetValue<int>());

        var takeover = await AssertNextApplyTakesOverAsync(cluster, pending);
        Assert.Contains($"it had recorded 2 of its 3 planned changes: Deployment.apps/{SignalCluster.Namespace}/web, Namespace/{SignalCluster.Namespace}.", takeover, StringComparison.Ordinal);
        Assert.Equal(["after-web"], await cluster.OwnedNamesAsync("/api/v1", "configmaps"));
    }

    /// <summary>The run is applying: one ConfigMap is created, the others are still to come.</summary>
    private static Task<string> WaitForFirstCreatedConfigMapAsync(DeclProcess decl) =>
        decl.WaitForLineAsync(
            ProcessOutput.Channel.Stdout,
            line => line.Contains($" ConfigMap/{SignalCluster.Namespace}/cm-", StringComparison.Ordinal) && line.EndsWith(": Created", StringComparison.Ordinal),
            "a ConfigMap created",
            OutputTimeout);

    /// <summary>SIGKILL: no handler runs, so the revision stays pending and the lock record stays behind; the kernel
    /// releases the OS lock.</summary>
    private static async Task AssertKilledLeavingPendingRevisionAsync(SignalCluster cluster, DeclProcess decl)
    {
        decl.KillHard();
        var exitCode = await decl.WaitForExitAsync(ExitTimeout);
        Assert.True(exitCode == 137, $"exit code {exitCode}\n{decl.Transcript}");
        var history = await cluster.RunAsync("history");
        Assert.Contains("pending", history.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(cluster.LockRecordPath), "SIGKILL gives the run no chance to remove its lock record; it should be there.");
        Assert.Contains(decl.Id.ToString(CultureInfo.InvariantCulture), await File.ReadAllTextAsync(cluster.LockRecordPath), StringComparison.Ordinal);
    }

    /// <summary>The next apply reports the dead run's revision (who, when, what it had done) on stderr, marks it failed,
    /// converges, and leaves no lock record; a plan after it has nothing to do. Returns the report.</summary>
    private static async Task<string> AssertNextApplyTakesOverAsync(SignalCluster cluster, JsonNode pending)
    {
        Assert.Equal("pending", pending["status"]!.GetValue<string>());
        var apply = await cluster.RunAsync("apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.DoesNotContain("locked", apply.All, StringComparison.OrdinalIgnoreCase);
        var takeover = Assert.Single(apply.Stderr.Split('\n'), line => line.StartsWith("warning: Revision 1 ", StringComparison.Ordinal));
        Assert.Contains($"(decl apply --env dev, by {SignalCluster.User}, started ", takeover, StringComparison.Ordinal);
        var started = DateTimeOffset.Parse(pending["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Contains(started.ToString("u", CultureInfo.InvariantCulture), takeover, StringComparison.Ordinal);
        Assert.Contains("marked failed", takeover, StringComparison.Ordinal);

        var history = await cluster.HistoryAsync();
        Assert.Equal(["failed", "deployed"], history.Select(r => r!["status"]!.GetValue<string>()));
        Assert.False(File.Exists(cluster.LockRecordPath), "The lock record outlived the run that took over.");
        await AssertNoChangesAsync(cluster);
        return takeover;
    }

    /// <summary>A following apply is not refused by a lock and completes what the interrupted run left; then plan
    /// has nothing to do.</summary>
    private static async Task AssertLockReleasedAndRunConvergesAsync(SignalCluster cluster)
    {
        Assert.False(File.Exists(cluster.LockRecordPath), "The lock record outlived the interrupted run.");
        var apply = await cluster.RunAsync("apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.DoesNotContain("locked", apply.All, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("warning:", apply.Stderr, StringComparison.Ordinal);
        Assert.Contains("Apply complete:", apply.Stdout, StringComparison.Ordinal);
        Assert.Equal(["failed", "deployed"], (await cluster.HistoryAsync()).Select(r => r!["status"]!.GetValue<string>()));
        await AssertNoChangesAsync(cluster);
    }

    /// <summary>`decl plan --detailed-exitcode` exits 0 (2 would mean changes) and says so.</summary>
    private static async Task AssertNoChangesAsync(SignalCluster cluster)
    {
        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("No changes.", plan.Stdout, StringComparison.Ordinal);
    }
}
