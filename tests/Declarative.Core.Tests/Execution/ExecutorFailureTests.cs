using Declarative.Core.Execution;
using Declarative.Core.Providers;
using Declarative.Testing.Fakes;
using static Declarative.Core.Tests.Execution.ExecutionFixtures;

namespace Declarative.Core.Tests.Execution;

public sealed class ExecutorFailureTests
{
    private static readonly ResourceAddress Settings = ConfigMap("settings");
    private static readonly ResourceAddress Web = Deployment("web");
    private static readonly ResourceAddress Worker = Deployment("worker");
    private static readonly ResourceAddress Other = ConfigMap("other");

    [Fact]
    public async Task Skips_the_dependents_of_a_failed_resource_and_finishes_independent_work()
    {
        var harness = new ExecutorHarness();
        harness.Fake.FailApply(Settings, "ConfigMap shop/settings was rejected: data must be a map.");

        var result = await harness.RunAsync(PlanOf(Create(Settings), Create(Web, Settings), Create(Worker, Web), Create(Other)));

        Assert.Equal(
            [
                (OutcomeKind.Failed, "ConfigMap shop/settings was rejected: data must be a map."),
                (OutcomeKind.Skipped, "Not applied because its dependency ConfigMap/shop/settings failed."),
                (OutcomeKind.Skipped, "Not applied because its dependency Deployment.apps/shop/web was skipped."),
                (OutcomeKind.Applied, null),
            ],
            result.Outcomes.Select(o => (o.Kind, o.Error)));
        Assert.DoesNotContain(harness.Fake.Calls, c => c.Address == Web || c.Address == Worker);
        Assert.Contains((ApplyEventKind.Skipped, "Not applied because its dependency ConfigMap/shop/settings failed."), harness.Events.For(Web));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Reports_a_failed_wait_with_its_reason_and_evidence_and_keeps_the_applied_object()
    {
        var harness = new ExecutorHarness();
        harness.Fake.FailWait(Web, "ProgressDeadlineExceeded", "Back-off pulling image \"kubia:9\"");

        var result = await harness.RunAsync(PlanOf(Create(Web), Create(Worker, Web)));

        var web = result.Outcomes[0];
        Assert.Equal((OutcomeKind.Failed, "ProgressDeadlineExceeded"), (web.Kind, web.Error));
        Assert.Equal<string>(["Back-off pulling image \"kubia:9\""], web.Evidence);
        Assert.Equal(Web, web.Applied?.Address);
        Assert.Equal([$"applied {Web}"], harness.Recorder.Entries);
        Assert.Equal(OutcomeKind.Skipped, result.Outcomes[1].Kind);
        Assert.Equal((ApplyEventKind.Failed, "ProgressDeadlineExceeded"), harness.Events.For(Web)[^1]);
    }

    [Fact]
    public async Task Fails_a_resource_that_is_not_ready_by_the_timeout()
    {
        var harness = new ExecutorHarness { Clock = TimeProvider.System };
        harness.Fake.Stall(FakeMethod.Wait, Web);

        var result = await harness.RunAsync(PlanOf(Create(Web)), new ExecutionOptions(Timeout: TimeSpan.FromMilliseconds(100)));

        var web = Assert.Single(result.Outcomes);
        Assert.Equal(OutcomeKind.Failed, web.Kind);
        Assert.StartsWith($"{Web} was not ready by", web.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_a_resource_that_could_not_be_recorded_and_skips_its_dependents()
    {
        var harness = new ExecutorHarness { Recorder = new RecordingRecorder { FailOn = Settings } };

        var result = await harness.RunAsync(PlanOf(Create(Settings), Create(Web, Settings)));

        Assert.Equal(
            $"{Settings} was changed but could not be recorded in the state: No space left on device.",
            result.Outcomes[0].Error);
        Assert.Equal(OutcomeKind.Skipped, result.Outcomes[1].Kind);
        Assert.DoesNotContain(ExecutorHarness.Call(FakeMethod.Wait, Settings), harness.Calls);
    }

    [Fact]
    public async Task Keeps_what_must_be_deleted_later_when_a_delete_is_skipped()
    {
        var harness = new ExecutorHarness();
        harness.Fake.FailApply(Settings, "ConfigMap shop/settings was rejected.");

        var result = await harness.RunAsync(PlanOf(Create(Settings), Delete(Web, Settings), Delete(Namespace, Web)));

        Assert.Equal(
            [
                OutcomeKind.Failed,
                OutcomeKind.Skipped,
                OutcomeKind.Skipped,
            ],
            result.Outcomes.Select(o => o.Kind));
        Assert.Equal($"Not deleted because {Web}, which has to be deleted first, was skipped.", result.Outcomes[2].Error);
        Assert.DoesNotContain(harness.Fake.Calls, c => c.Method == FakeMethod.Delete);
    }
}
