using Declarative.Cli.Tests.Processes;
using Declarative.Reliability.Tests.Cluster;

namespace Declarative.Reliability.Tests.Faults;

/// <summary>
/// Issue 17, part 3: the API server goes away while `decl apply` (a real process) waits for rollouts, and comes back
/// (empty, as a restarted server that lost its data). The run fails cleanly: exit 1, revision `failed` with what it
/// had done, the lock released; the next apply converges and `decl plan` is then "No changes.".
/// </summary>
public sealed class ServerGoneTests
{
    private static readonly TimeSpan OutputTimeout = TimeSpan.FromSeconds(90);

    private readonly ReliabilitySettings settings = ReliabilitySettings.FromEnvironment();

    [Fact]
    public async Task A_server_gone_while_waiting_fails_the_run_cleanly_and_the_next_apply_converges()
    {
        // Pods take simulated seconds to become ready, so the run is still waiting when the server goes.
        await using var cluster = await RelCluster.StartAsync(timeScale: 0.5);
        var failures = new List<string>();
        int exitCode;
        string transcript;
        await using (var decl = cluster.Start("apply", "--auto-approve"))
        {
            await decl.WaitForLineAsync(ProcessOutput.Channel.Stdout, ": waiting", OutputTimeout);
            await cluster.RestartServerAfterAsync(async () => { await decl.WaitForExitAsync(RelCluster.RunTimeout); });
            exitCode = await decl.WaitForExitAsync(RelCluster.RunTimeout);
            transcript = decl.Transcript;
        }

        if (exitCode != 1)
        {
            failures.Add($"the run exited {exitCode}, not 1");
        }

        if (transcript.Contains("   at ", StringComparison.Ordinal) || !transcript.Contains("Apply failed: ", StringComparison.Ordinal) || !transcript.Contains("could not be reached", StringComparison.Ordinal))
        {
            failures.Add("the run did not end with \"Apply failed\" and the server named as unreachable, or printed a stack trace");
        }

        var history = await cluster.HistoryAsync();
        var revision = history[^1]!;
        if (revision["status"]!.GetValue<string>() != "failed" || revision["objects"]!.GetValue<int>() == 0)
        {
            failures.Add($"revision afterwards: {revision.ToJsonString()}");
        }

        if (File.Exists(Path.Combine(cluster.StateFolder, "lock.json")))
        {
            failures.Add("lock.json outlived the run");
        }

        var apply = await cluster.RunAsync("apply", "--auto-approve");
        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        if (apply.ExitCode != 0 || plan.ExitCode != 0)
        {
            failures.Add($"the next apply exited {apply.ExitCode}, the plan after it {plan.ExitCode}\n{apply.All}\n{plan.All}");
        }
        else if (!(await cluster.LabelledObjectsAsync()).SetEquals(RelProject.Desired()))
        {
            failures.Add("after the next apply, the objects differ from the project");
        }

        SuiteResults.Write(settings, "server-gone", "API server stopped while apply waits, then started again", 1, failures.Count == 0 ? 1 : 0, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n--- the interrupted run:\n" + transcript);
    }
}
