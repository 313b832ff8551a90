using Declarative.Core.Manifests;
using Declarative.Core.Planning;
using static Declarative.Core.Tests.Planning.Engine.PlanDocuments;
using static Declarative.Core.Tests.Planning.Engine.PlannerScenario;

namespace Declarative.Core.Tests.Planning.Engine;

public sealed class PlannerTests
{
    private readonly PlannerScenario scenario = new();

    [Fact]
    public async Task Creates_every_resource_of_a_new_environment_dependencies_first()
    {
        var plan = await scenario.PlanAsync(null, Deployment("api", "nginx:1", dependsOn: "ConfigMap/settings"), ConfigMap("settings"));

        Assert.Equal(
            [(ChangeAction.Create, "ConfigMap/web/settings"), (ChangeAction.Create, "Deployment.apps/web/api")],
            plan.Changes.Select(c => (c.Action, c.Address.ToString())));
        Assert.Equal([Address("ConfigMap", "settings")], plan.Changes[1].DependsOn.ToArray());
        Assert.Equal(("shop", "prod", (int?)null, Target), (plan.Project, plan.Environment, plan.BaseRevision, plan.Target));
        Assert.Single(plan.Edges);
    }

    [Fact]
    public async Task Puts_the_ownership_labels_on_the_objects_of_every_provider()
    {
        await scenario.PlanAsync(null, Image("web"), ConfigMap("settings"));

        foreach (var desired in new[] { scenario.Images.PlannedDesired(Address("Image", "web")), scenario.Kube.PlannedDesired(Address("ConfigMap", "settings")) })
        {
            var labels = desired.Object["metadata"]!["labels"]!.AsObject();
            Assert.Equal("declarative", labels[WellKnown.ManagedByLabel]!.GetValue<string>());
            Assert.Equal("shop", labels[WellKnown.ProjectLabel]!.GetValue<string>());
            Assert.Equal("prod", labels[WellKnown.EnvironmentLabel]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Plans_an_update_of_the_changed_field_and_no_op_for_the_rest()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, Deployment("api", "nginx:1"), ConfigMap("settings")), 4);

        var plan = await scenario.PlanAsync(deployed, Deployment("api", "nginx:1", replicas: 3), ConfigMap("settings"));

        Assert.Equal(4, plan.BaseRevision);
        Assert.Equal([ChangeAction.NoOp, ChangeAction.Update], plan.Changes.Select(c => c.Action));
        var diff = Assert.Single(plan.Changes[1].Change.Diffs);
        Assert.Equal(("spec.replicas", "2", "3"), (diff.Path, diff.Before!.ToJsonString(), diff.After!.ToJsonString()));
        Assert.NotNull(plan.Changes[1].LastApplied);
    }

    [Fact]
    public async Task Plans_a_replace_when_an_immutable_field_changes()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, Deployment("api", "nginx:1")), 1);
        scenario.Kube.Fake.MarkImmutable("spec.template");

        var plan = await scenario.PlanAsync(deployed, Deployment("api", "nginx:2"));

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Equal("spec.template.spec.containers[name=web].image cannot be changed in place", change.Change.ReplaceReason);
    }

    [Fact]
    public async Task Leaves_fields_named_by_ignore_fields_alone()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, Deployment("api", "nginx:1", ignoreFields: "spec.replicas, metadata.labels.tier")), 1);
        var live = scenario.Kube.Fake.Get(Address("Deployment", "api"))!.Object;
        live["spec"]!["replicas"] = 7;
        scenario.Kube.Fake.Seed(Address("Deployment", "api"), new("apps/v1", "Deployment"), live);

        var plan = await scenario.PlanAsync(deployed, Deployment("api", "nginx:1", replicas: 4, ignoreFields: "spec.replicas, metadata.labels.tier"));

        Assert.Equal(ChangeAction.NoOp, Assert.Single(plan.Changes).Action);
        Assert.Equal(["spec.replicas", "metadata.labels.tier"], scenario.Kube.PlannedDesired(Address("Deployment", "api")).IgnoredPaths.ToArray());
    }

    [Fact]
    public async Task Takes_sensitive_paths_from_the_catalog_and_masks_the_secret()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, Secret("db", "aHVudGVyMg==")), 1);

        var plan = await scenario.PlanAsync(deployed, Secret("db", "c3dvcmRmaXNo"));

        var change = Assert.Single(plan.Changes);
        Assert.Equal(["data", "stringData"], change.SensitivePaths.ToArray());
        Assert.Equal(["data", "stringData"], change.Change.Desired!.SensitivePaths.ToArray());
        var diff = Assert.Single(change.Change.Diffs);
        Assert.Equal(("data.password", true, null, null), (diff.Path, diff.Sensitive, diff.Before, diff.After));
    }

    [Fact]
    public async Task Reads_the_desired_ids_in_one_read_and_the_owned_ids_beyond_them_in_a_second()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, ConfigMap("old"), ConfigMap("settings")), 1);
        var before = scenario.Kube.Reads.Count;

        await scenario.PlanAsync(deployed, ConfigMap("settings"), Deployment("api", "nginx:1"));
        var reads = scenario.Kube.Reads.Skip(before).ToList();
        await scenario.PlanAsync(deployed, ConfigMap("old"), ConfigMap("settings"));

        Assert.Equal(2, reads.Count);
        Assert.Equal([Address("ConfigMap", "settings"), Address("Deployment", "api")], reads[0].Order());
        Assert.Equal([Address("ConfigMap", "old")], reads[1].Order());
        Assert.Single(scenario.Kube.Reads.Skip(before + 2));
        Assert.Empty(scenario.Images.Reads);
    }
}
