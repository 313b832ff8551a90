using Declarative.Core.Execution;
using Declarative.Core.Providers;
using static Declarative.Core.Tests.Execution.ExecutionFixtures;

namespace Declarative.Core.Tests.Execution;

public sealed class ApplyConfidenceCheckTests
{
    private static readonly ResourceAddress Settings = ConfigMap("settings");
    private static readonly ResourceAddress Web = Deployment("web");

    [Fact]
    public void Returns_outcomes_in_plan_order_whatever_order_they_finished_in()
    {
        var outcomes = ApplyConfidenceCheck.InPlanOrder([Create(Settings), Create(Web)], [Applied(Web), Applied(Settings)]);

        Assert.Equal([Settings, Web], outcomes.Select(o => o.Address));
    }

    [Fact]
    public void Refuses_a_change_without_an_outcome()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApplyConfidenceCheck.InPlanOrder([Create(Settings), Create(Web)], [Applied(Settings)]));

        Assert.Equal(
            $"Apply must end with exactly one outcome per planned change, but {Web} has 0 outcomes. This is a bug in Declarative; please report it.",
            error.Message);
    }

    [Fact]
    public void Refuses_a_change_with_two_outcomes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApplyConfidenceCheck.InPlanOrder([Create(Web)], [Applied(Web), Applied(Web)]));

        Assert.Contains($"{Web} has 2 outcomes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_outcome_for_a_resource_that_is_not_in_the_plan()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApplyConfidenceCheck.InPlanOrder([Create(Web)], [Applied(Web), Applied(Settings)]));

        Assert.Contains($"{Settings} has an outcome but is not in the plan", error.Message, StringComparison.Ordinal);
    }

    private static ResourceOutcome Applied(ResourceAddress address) => new(address, OutcomeKind.Applied, AppliedOf(address), null, []);
}
