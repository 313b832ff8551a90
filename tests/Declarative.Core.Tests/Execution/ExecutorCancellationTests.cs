using Declarative.Core.Execution;
using Declarative.Core.Providers;
using Declarative.Testing.Fakes;
using static Declarative.Core.Tests.Execution.ExecutionFixtures;

namespace Declarative.Core.Tests.Execution;

public sealed class ExecutorCancellationTests : IDisposable
{
    private static readonly ResourceAddress Web = Deployment("web");
    private static readonly ResourceAddress Worker = Deployment("worker");

    private readonly ExecutorHarness harness = new();
    private readonly CancellationTokenSource cancellation = new();

    public void Dispose() => cancellation.Dispose();

    [Fact]
    public async Task Cancelling_keeps_what_finished_and_reports_what_was_cut_short_or_never_started()
    {
        harness.Provider.Hold(FakeMethod.Apply, Web);

        var run = harness.RunAsync(PlanOf(Create(Namespace), Create(Web, Namespace), Create(Worker, Web)), cancellationToken: cancellation.Token);
        await harness.Provider.WhenEnteredAsync(2);
        await cancellation.CancelAsync();
        var cancelled = await Assert.ThrowsAsync<ApplyCancelledException>(() => run);

        Assert.Equal(
            [
                (OutcomeKind.Applied, null),
                (OutcomeKind.Failed, $"The run was cancelled while {Web} was being applied."),
                (OutcomeKind.Skipped, $"The run was cancelled before {Worker} was started."),
            ],
            cancelled.Result.Outcomes.Select(o => (o.Kind, o.Error)));
        Assert.Equal([$"applied {Namespace}"], harness.Recorder.Entries);
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.DoesNotContain(harness.Fake.Calls, c => c.Address == Worker);
    }

    [Fact]
    public async Task Stopping_the_scheduling_lets_the_call_in_flight_finish_and_starts_nothing_new()
    {
        using var stop = new CancellationTokenSource();
        harness.Provider.Hold(FakeMethod.Apply, Web);

        var run = harness.RunAsync(PlanOf(Create(Namespace), Create(Web, Namespace), Create(Worker, Web)), cancellationToken: cancellation.Token, stopScheduling: stop.Token);
        await harness.Provider.WhenEnteredAsync(2);
        await stop.CancelAsync();
        harness.Provider.Release(FakeMethod.Apply, Web);
        var stopped = await Assert.ThrowsAsync<ApplyCancelledException>(() => run);

        Assert.Equal(
            [
                (OutcomeKind.Applied, null),
                (OutcomeKind.Applied, null),
                (OutcomeKind.Skipped, $"The run was cancelled before {Worker} was started."),
            ],
            stopped.Result.Outcomes.Select(o => (o.Kind, o.Error)));
        Assert.Equal([$"applied {Namespace}", $"applied {Web}"], harness.Recorder.Entries);
        Assert.DoesNotContain(harness.Fake.Calls, c => c.Address == Worker);
    }

    [Fact]
    public async Task Cancelling_before_the_run_starts_touches_nothing()
    {
        await cancellation.CancelAsync();

        var cancelled = await Assert.ThrowsAsync<ApplyCancelledException>(
            () => harness.RunAsync(PlanOf(Create(Namespace), Create(Web, Namespace)), cancellationToken: cancellation.Token));

        Assert.All(cancelled.Result.Outcomes, o => Assert.Equal(OutcomeKind.Skipped, o.Kind));
        Assert.Empty(harness.Calls);
        Assert.Empty(harness.Recorder.Entries);
    }

    [Fact]
    public async Task A_provider_timeout_that_is_not_a_cancellation_is_an_ordinary_failure()
    {
        var provider = new ThrowingProvider(new TaskCanceledException("The request to the API server timed out after 100 seconds."));
        var executor = new Executor(new Dictionary<string, IResourceProvider> { [ProviderName] = provider }, TimeProvider.System);

        var result = await executor.ApplyAsync(PlanOf(Create(Web), Create(Worker, Web)), new ExecutionOptions(), harness.Recorder, harness.Events, cancellation.Token);

        Assert.Equal(
            [(OutcomeKind.Failed, "The request to the API server timed out after 100 seconds."), (OutcomeKind.Skipped, $"Not applied because its dependency {Web} failed.")],
            result.Outcomes.Select(o => (o.Kind, o.Error)));
    }

    private sealed class ThrowingProvider(Exception exception) : IResourceProvider
    {
        public string Name => ProviderName;

        public Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken) => throw exception;

        public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken) => throw exception;

        public Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, CancellationToken cancellationToken) =>
            Task.FromException<AppliedResource>(exception);

        public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken) => throw exception;

        public Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken) => throw exception;
    }
}
