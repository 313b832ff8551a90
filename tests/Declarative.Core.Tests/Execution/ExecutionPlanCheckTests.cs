using Declarative.Core.Execution;
using Declarative.Core.Providers;
using static Declarative.Core.Tests.Execution.ExecutionFixtures;

namespace Declarative.Core.Tests.Execution;

public sealed class ExecutionPlanCheckTests
{
    private static readonly ResourceAddress Settings = ConfigMap("settings");
    private static readonly ResourceAddress Web = Deployment("web");

    private readonly ExecutorHarness harness = new();

    [Fact]
    public async Task Refuses_a_plan_whose_dependencies_form_a_cycle_before_touching_anything()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => harness.RunAsync(PlanOf(Create(Namespace), Create(Web, Settings), Create(Settings, Web))));

        Assert.Equal(
            $"The plan's dependencies form a cycle among {Web}, {Settings}. This is a bug in Declarative; please report it.",
            error.Message);
        Assert.Empty(harness.Calls);
    }

    [Fact]
    public async Task Refuses_a_plan_that_names_a_provider_that_is_not_registered()
    {
        var change = Create(Web) with { Provider = "docker" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.RunAsync(PlanOf(Create(Settings), change)));

        Assert.StartsWith($"The plan gives {Web} to the provider 'docker', which is not registered.", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Calls);
    }

    [Fact]
    public async Task Refuses_a_plan_with_two_changes_for_one_resource()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.RunAsync(PlanOf(Create(Web), Delete(Web))));

        Assert.StartsWith($"The plan holds two changes for {Web}.", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Calls);
    }

    [Fact]
    public async Task Ignores_a_dependency_that_is_not_in_the_plan()
    {
        var result = await harness.RunAsync(PlanOf(Create(Web, Settings)));

        Assert.Equal(OutcomeKind.Applied, Assert.Single(result.Outcomes).Kind);
    }

    [Fact]
    public async Task Finishes_an_empty_plan_with_no_outcomes()
    {
        var result = await harness.RunAsync(PlanOf());

        Assert.Empty(result.Outcomes);
        Assert.True(result.Succeeded);
    }
}
