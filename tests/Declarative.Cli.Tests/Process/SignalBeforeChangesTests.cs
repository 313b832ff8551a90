namespace Declarative.Cli.Tests.Processes;

/// <summary>
/// A signal that comes before a run has changed anything (while it plans or asks) stops it there: nothing is applied and
/// no revision is written, so the history does not fill with failed runs that did nothing. In this process, with the
/// first signal already given (<see cref="SignalCluster.RunSignalledAsync"/>), so the moment is exact.
/// </summary>
public sealed class SignalBeforeChangesTests
{
    [Theory]
    [InlineData("apply")]
    [InlineData("destroy")]
    public async Task A_run_signalled_before_it_changed_anything_exits_130_and_writes_no_revision(string command)
    {
        await using var cluster = await SignalCluster.ManyConfigMapsAsync(2);
        if (command == "destroy")
        {
            var first = await cluster.RunAsync("apply", "--auto-approve");
            Assert.True(first.ExitCode == 0, first.All);
        }

        var revisionsBefore = (await cluster.HistoryAsync()).Count;
        var configMapsBefore = await cluster.OwnedNamesAsync("/api/v1", "configmaps");

        var signalled = await cluster.RunSignalledAsync(command, "--auto-approve");

        Assert.True(signalled.ExitCode == 130, signalled.All);
        Assert.Contains("Cancelled.", signalled.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Creating", signalled.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Deleting", signalled.Stdout, StringComparison.Ordinal);
        Assert.Equal(revisionsBefore, (await cluster.HistoryAsync()).Count);
        Assert.Equal(configMapsBefore, await cluster.OwnedNamesAsync("/api/v1", "configmaps"));
        Assert.False(File.Exists(cluster.LockRecordPath), "The lock record outlived the run.");
    }

    [Fact]
    public async Task Ctrl_c_at_the_prompt_stops_the_run_without_waiting_for_an_answer_and_writes_no_revision()
    {
        await using var cluster = await SignalCluster.ManyConfigMapsAsync(2);
        using var firstSignal = new CancellationTokenSource();
        using var terminal = new SignalAtPrompt(firstSignal);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new IOContext(output, error, cluster.Dir.Root, cluster.Environment, IsTerminal: true) { StopScheduling = firstSignal.Token, In = terminal };

        int exitCode;
        try
        {
            exitCode = await new DeclarativeCli(io).RunAsync(cluster.CommandLine("apply", "--no-color"), CancellationToken.None).WaitAsync(SignalCluster.RunTimeout);
        }
        finally
        {
            // A run that ignored the signal would still be reading; "yes" then lets it go on (and the test fail).
            terminal.Answer();
        }

        Assert.True(exitCode == 130, output + error.ToString());
        Assert.Contains("Enter a value:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Cancelled.", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await cluster.HistoryAsync());
        Assert.Empty(await cluster.OwnedNamesAsync("/api/v1", "configmaps"));
        Assert.False(File.Exists(cluster.LockRecordPath), "The lock record outlived the run.");
    }

    [Fact]
    public async Task Commands_that_change_nothing_stop_at_the_first_signal()
    {
        await using var cluster = await SignalCluster.ManyConfigMapsAsync(2);

        var plan = await cluster.RunSignalledAsync("plan");

        // Without the grace period of apply (which never ends in this test), a plan that waited for it would hang.
        Assert.True(plan.ExitCode == 130, plan.All);
        Assert.Contains("Cancelled.", plan.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan:", plan.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A terminal where the user presses Ctrl+C at the prompt: reading gives the first signal, then waits
    /// for an answer that comes only when the test is over ("yes").</summary>
    private sealed class SignalAtPrompt(CancellationTokenSource firstSignal) : TextReader
    {
        private readonly TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override string? ReadLine()
        {
            firstSignal.Cancel();
            answered.Task.Wait(SignalCluster.RunTimeout * 2);
            return "yes";
        }

        public void Answer() => answered.TrySetResult();
    }
}
