using Declarative.Core.Execution;
using Declarative.Core.Providers;
using static Declarative.Core.Tests.Execution.ExecutionFixtures;

namespace Declarative.Core.Tests.Execution;

public sealed class ExecutorRecordingTests
{
    private static readonly ResourceAddress Settings = ConfigMap("settings");
    private static readonly ResourceAddress Web = Deployment("web");

    [Fact]
    public async Task Records_every_changed_resource_as_it_finishes()
    {
        var harness = new ExecutorHarness();
        var old = ConfigMap("old");

        await harness.RunAsync(PlanOf(Create(Web, Settings), Update(Settings, AppliedOf(Settings), Namespace), Create(Namespace), Delete(old, Web)));

        Assert.Equal([$"applied {Namespace}", $"applied {Settings}", $"applied {Web}", $"deleted {old}"], harness.Recorder.Entries);
    }

    [Fact]
    public async Task Records_resources_that_finish_together_at_once_so_the_store_can_write_them_together()
    {
        var harness = new ExecutorHarness { Recorder = new RecordingRecorder { Latency = TimeSpan.FromMilliseconds(200) } };
        var names = new[] { "a", "b", "c", "d", "e", "f" };

        var result = await harness.RunAsync(PlanOf([.. names.Select(n => Create(ConfigMap(n)))]));

        Assert.True(result.Succeeded);
        Assert.Equal(6, harness.Recorder.Entries.Count);
        Assert.True(harness.Recorder.Overlaps > 0, "The six independent resources were recorded one at a time.");
    }

    [Fact]
    public async Task Reports_each_step_of_an_apply_and_a_delete_with_the_clock_time()
    {
        var harness = new ExecutorHarness();

        await harness.RunAsync(PlanOf(Create(Web), Delete(Settings)));

        Assert.Equal(
            [
                (ApplyEventKind.Started, "Creating"),
                (ApplyEventKind.Applied, "Created"),
                (ApplyEventKind.Waiting, "waiting until ready"),
                (ApplyEventKind.Ready, "Ready"),
            ],
            harness.Events.For(Web));
        Assert.Equal([(ApplyEventKind.Started, "Deleting"), (ApplyEventKind.Deleted, "Deleted")], harness.Events.For(Settings));
        Assert.All(harness.Events.All, e => Assert.Equal(ExecutorHarness.Now, e.At));
    }

    [Fact]
    public async Task Says_why_a_resource_is_replaced_when_it_starts()
    {
        var harness = new ExecutorHarness();
        var replace = Update(Web, AppliedOf(Web));
        replace = replace with { Change = replace.Change with { Action = Core.Planning.ChangeAction.Replace, ReplaceReason = "spec.selector cannot be changed in place" } };

        var result = await harness.RunAsync(PlanOf(replace));

        Assert.Equal(OutcomeKind.Applied, Assert.Single(result.Outcomes).Kind);
        Assert.Equal(
            [(ApplyEventKind.Started, "Replacing (spec.selector cannot be changed in place)"), (ApplyEventKind.Applied, "Replaced")],
            harness.Events.For(Web).Take(2));
    }
}
