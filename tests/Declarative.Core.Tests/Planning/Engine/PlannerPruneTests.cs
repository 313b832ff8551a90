using Declarative.Core.Planning;
using static Declarative.Core.Tests.Planning.Engine.PlanDocuments;
using static Declarative.Core.Tests.Planning.Engine.PlannerScenario;

namespace Declarative.Core.Tests.Planning.Engine;

public sealed class PlannerPruneTests
{
    private readonly PlannerScenario scenario = new();

    [Fact]
    public async Task Deletes_removed_resources_dependents_first_after_the_desired_changes()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(
            null, ConfigMap("settings"), ConfigMap("extra", dependsOn: "ConfigMap/settings"), Deployment("api", "nginx:1", dependsOn: "ConfigMap/extra")), 1);

        var plan = await scenario.PlanAsync(deployed, ConfigMap("settings"));

        Assert.Equal(
            [(ChangeAction.NoOp, "ConfigMap/web/settings"), (ChangeAction.Delete, "Deployment.apps/web/api"), (ChangeAction.Delete, "ConfigMap/web/extra")],
            plan.Changes.Select(c => (c.Action, c.Address.ToString())));
        Assert.Equal([Address("Deployment", "api")], plan.Changes[2].DependsOn.ToArray());
        Assert.Empty(plan.Changes[1].DependsOn.ToArray());
        Assert.Null(plan.Changes[1].Change.Desired);
        Assert.Equal(Address("Deployment", "api"), plan.Changes[1].Change.Live!.Address);
        Assert.Equal(new PlanSummary(0, 0, 0, 2, 1), plan.Summary);
    }

    [Fact]
    public async Task Deletes_a_removed_dependency_after_its_remaining_dependent_changes()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, ConfigMap("settings"), Deployment("api", "nginx:1", dependsOn: "ConfigMap/settings")), 1);

        var plan = await scenario.PlanAsync(deployed, Deployment("api", "nginx:1"));

        var delete = plan.Changes.Single(c => c.Action == ChangeAction.Delete);
        Assert.Equal([Address("Deployment", "api")], delete.DependsOn.ToArray());
    }

    [Fact]
    public async Task Plans_nothing_for_a_removed_resource_that_is_already_gone()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, ConfigMap("settings"), ConfigMap("old")), 1);
        scenario.Kube.Fake.Remove(Address("ConfigMap", "old"));

        var plan = await scenario.PlanAsync(deployed, ConfigMap("settings"));

        Assert.Equal([Address("ConfigMap", "settings")], plan.Changes.Select(c => c.Address));
    }

    [Fact]
    public async Task Releases_a_removed_resource_whose_last_applied_object_disables_prune()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, ConfigMap("settings"), ConfigMap("kept", prune: "disabled")), 1);

        var plan = await scenario.PlanAsync(deployed, ConfigMap("settings"));

        var release = plan.Changes.Single(c => c.Address == Address("ConfigMap", "kept"));
        Assert.Equal(ChangeAction.Release, release.Action);
        Assert.Contains(release.Change.Notes, n => n.Text.StartsWith("declarative.dev/prune: disabled: kept live", StringComparison.Ordinal));
        Assert.Equal(new PlanSummary(0, 0, 0, 0, 1, 1), plan.Summary);
    }
}
