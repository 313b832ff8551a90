using Declarative.Core.Execution;
using Declarative.Testing.Fakes;
using static Declarative.Core.Tests.Execution.ExecutionFixtures;

namespace Declarative.Core.Tests.Execution;

public sealed class ExecutorOrderingTests
{
    private static readonly Core.Providers.ResourceAddress Settings = ConfigMap("settings");
    private static readonly Core.Providers.ResourceAddress Web = Deployment("web");

    private readonly ExecutorHarness harness = new();

    [Fact]
    public async Task Applies_a_dependent_only_after_its_dependency_is_ready()
    {
        var result = await harness.RunAsync(PlanOf(Create(Web, Settings), Create(Settings)));

        Assert.True(harness.IndexOfCall(FakeMethod.Apply, Web) > harness.IndexOfCall(FakeMethod.Wait, Settings));
        Assert.Equal([Web, Settings], result.Outcomes.Select(o => o.Address));
        Assert.All(result.Outcomes, o => Assert.Equal(OutcomeKind.Applied, o.Kind));
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Applies_independent_resources_at_the_same_time()
    {
        harness.Provider.Hold(FakeMethod.Apply);

        var run = harness.RunAsync(PlanOf(Create(Settings), Create(ConfigMap("other"))));
        await harness.Provider.WhenEnteredAsync(2);
        harness.Provider.Release(FakeMethod.Apply);

        Assert.True((await run).Succeeded);
        Assert.Equal(2, harness.Provider.MaxInFlight);
    }

    [Fact]
    public async Task Starts_a_resource_as_soon_as_its_own_dependencies_are_ready_without_waiting_for_a_whole_level()
    {
        var slow = Deployment("slow");
        harness.Provider.Hold(FakeMethod.Apply, slow);

        var run = harness.RunAsync(PlanOf(Create(slow), Create(Settings), Create(Web, Settings)));
        await harness.Events.WhenReportedAsync(Web, ApplyEventKind.Ready);
        Assert.DoesNotContain(harness.Events.All, e => e.Address == slow && e.Kind == ApplyEventKind.Applied);
        harness.Provider.Release(FakeMethod.Apply, slow);

        Assert.True((await run).Succeeded);
    }

    [Fact]
    public async Task Never_runs_more_resources_at_once_than_the_parallelism()
    {
        harness.Provider.Hold(FakeMethod.Apply);
        var names = new[] { "a", "b", "c", "d", "e" };

        var run = harness.RunAsync(PlanOf([.. names.Select(n => Create(ConfigMap(n)))]), new ExecutionOptions(Parallelism: 2));
        await harness.Provider.WhenEnteredAsync(2);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Equal(2, harness.Provider.Entered);
        harness.Provider.Release(FakeMethod.Apply);

        var result = await run;
        Assert.Equal(5, result.Outcomes.Count(o => o.Kind == OutcomeKind.Applied));
        Assert.Equal(2, harness.Provider.MaxInFlight);
    }

    [Fact]
    public async Task Waiting_for_readiness_holds_no_parallelism_slot()
    {
        harness.Provider.Hold(FakeMethod.Wait);
        var names = new[] { "a", "b", "c", "d" };

        var run = harness.RunAsync(PlanOf([.. names.Select(n => Create(ConfigMap(n)))]), new ExecutionOptions(Parallelism: 1));
        await harness.Provider.WhenEnteredAsync(4);
        Assert.DoesNotContain(harness.Events.All, e => e.Kind == ApplyEventKind.Ready);
        harness.Provider.Release(FakeMethod.Wait);

        var result = await run;
        Assert.Equal(4, result.Outcomes.Count(o => o.Kind == OutcomeKind.Applied));
        Assert.Equal(1, harness.Provider.MaxInFlight);
    }

    [Fact]
    public async Task Deletes_a_resource_only_after_the_resources_that_must_go_first()
    {
        foreach (var address in new[] { Namespace, Settings, Web })
        {
            harness.Fake.Seed(address, TypeOf(address), ObjectOf(address));
        }

        harness.Provider.Hold(FakeMethod.Delete, Settings);

        var run = harness.RunAsync(PlanOf(Delete(Namespace, Settings, Web), Delete(Settings), Delete(Web)));
        await harness.Provider.WhenEnteredAsync(2);
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Assert.DoesNotContain(ExecutorHarness.Call(FakeMethod.Delete, Namespace), harness.Calls);
        harness.Provider.Release(FakeMethod.Delete, Settings);

        var result = await run;
        Assert.All(result.Outcomes, o => Assert.Equal(OutcomeKind.Deleted, o.Kind));
        Assert.Equal(ExecutorHarness.Call(FakeMethod.Delete, Namespace), harness.Calls[^1]);
        Assert.Null(harness.Fake.Get(Namespace));
        Assert.Equal($"deleted {Namespace}", harness.Recorder.Entries[^1]);
    }

    [Fact]
    public async Task Refuses_a_parallelism_below_one()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.RunAsync(PlanOf(Create(Settings)), new ExecutionOptions(Parallelism: 0)));

        Assert.Empty(harness.Calls);
    }
}
