using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

public sealed class PlanTests
{
    private static readonly ImmutableDictionary<ResourceAddress, ResourceOutputs> NoOutputs = ImmutableDictionary<ResourceAddress, ResourceOutputs>.Empty;
    private readonly FakeKubeClient client = new();
    private readonly KubernetesProvider provider;

    public PlanTests() => provider = new KubernetesProvider(client);

    [Fact]
    public async Task A_missing_object_is_created_after_one_server_dry_run()
    {
        var change = await provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None);

        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.Contains(change.Diffs, d => d.Path.StartsWith("spec", StringComparison.Ordinal));
        Assert.Equal(1, client.DryRuns);
        Assert.Equal(1, client.Requests);
    }

    [Fact]
    public async Task A_checked_create_keeps_what_the_server_fills_in_apart_from_its_diffs_without_server_bookkeeping()
    {
        var change = await provider.PlanAsync(Desired(Deployment(), ignored: ["spec.revisionHistoryLimit"]), null, null, CancellationToken.None);

        var filled = Assert.Single(change.ServerDefaults);
        Assert.Equal(("spec.progressDeadlineSeconds", FieldDiffKind.Added, "600"), (filled.Path, filled.Kind, filled.After?.ToJsonString()));
        Assert.DoesNotContain(change.Diffs, d => d.Path == "spec.progressDeadlineSeconds");
    }

    [Fact]
    public async Task A_create_planned_without_the_server_has_no_server_defaults()
    {
        var change = await provider.PlanAsync(Desired(Deployment()), null, null, new KubernetesPlanHints(DependencyBeingCreated: true), CancellationToken.None);

        Assert.True(change.ServerDefaults.IsDefaultOrEmpty);
    }

    [Fact]
    public async Task A_create_whose_namespace_or_crd_comes_with_the_same_plan_is_checked_at_apply_without_a_request()
    {
        var change = await provider.PlanAsync(Desired(Deployment()), null, null, new KubernetesPlanHints(DependencyBeingCreated: true), CancellationToken.None);

        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.True(change.ServerDefaultsUnknown);
        Assert.Equal(0, client.Requests);
    }

    [Fact]
    public async Task A_create_the_server_refuses_is_a_refusal_naming_the_field()
    {
        client.RefuseApply = _ => new KubeApiException(422, "Invalid", "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`", [new KubeStatusCause("FieldValueInvalid", "Invalid value", "spec.template.metadata.labels")]);
        client.RefuseDryRuns = true;

        var refused = await Assert.ThrowsAsync<ResourceRefusedException>(() => provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None));

        Assert.Equal("spec.template.metadata.labels", refused.FieldPath);
        Assert.Contains("`selector` does not match template `labels`", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planning_what_was_just_applied_is_a_no_op_that_costs_zero_requests()
    {
        var (live, applied) = await ApplyAsync(Deployment());

        var change = await provider.PlanAsync(Desired(Deployment()), live, applied, CancellationToken.None);

        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Empty(change.Diffs);
        Assert.Equal(0, client.Requests);
    }

    [Fact]
    public async Task A_changed_field_costs_exactly_one_dry_run_and_shows_its_keyed_path()
    {
        var (live, applied) = await ApplyAsync(Deployment());

        var change = await provider.PlanAsync(Desired(Deployment(image: "nginx:1.28")), live, applied, CancellationToken.None);

        Assert.Equal(ChangeAction.Update, change.Action);
        var diff = Assert.Single(change.Diffs);
        Assert.Equal("spec.template.spec.containers[name=web].image", diff.Path);
        Assert.Equal("nginx:1.28", diff.After!.GetValue<string>());
        Assert.Equal(1, client.DryRuns);
        Assert.Equal(1, client.Requests);
    }

    [Fact]
    public async Task A_kubectl_scale_shows_as_drift_and_as_taken_from_kubectl()
    {
        var (_, applied) = await ApplyAsync(Deployment());
        var live = Scaled(client.Stored("apps", "Deployment", "default", "web")!, 5);

        var change = await provider.PlanAsync(Desired(Deployment()), Live(live), applied, CancellationToken.None);

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(["spec.replicas"], change.DriftPaths.ToArray());
        Assert.Equal([new TakenField("spec.replicas", "kubectl")], change.TakenOver.ToArray());
        var diff = Assert.Single(change.Diffs);
        Assert.Equal((5, 3), (diff.Before!.GetValue<int>(), diff.After!.GetValue<int>()));
    }

    [Fact]
    public async Task Ignored_fields_are_neither_planned_nor_drift()
    {
        var (_, applied) = await ApplyAsync(Deployment());
        var live = Scaled(client.Stored("apps", "Deployment", "default", "web")!, 5);

        var change = await provider.PlanAsync(Desired(Deployment(), ignored: ["spec.replicas"]), Live(live), applied, CancellationToken.None);

        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Empty(change.DriftPaths);
        Assert.Empty(change.TakenOver);
        Assert.Equal(0, client.Requests);
    }

    [Fact]
    public async Task An_immutable_field_change_is_a_replace_that_names_the_field()
    {
        var (live, applied) = await ApplyAsync(Deployment());
        var desired = With(Deployment(), "/spec/selector/matchLabels/app", JsonValue.Create("web2"));

        var change = await provider.PlanAsync(Desired(desired), live, applied, CancellationToken.None);

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Equal("spec.selector cannot be changed in place", change.ReplaceReason);
        Assert.Contains(change.Diffs, d => d.Path == "spec.selector.matchLabels.app");
    }

    [Fact]
    public async Task Unknown_values_are_planned_locally_without_a_dry_run()
    {
        var (live, applied) = await ApplyAsync(Deployment());
        const string pointer = "/spec/template/spec/containers/0/image";
        var image = new ResourceAddress(string.Empty, "declarative.dev", "Image", null, "web");
        var unknown = new UnknownValue(pointer, "${image:web}", [new Unknown("image", "web", image, "reference")]);

        var change = await provider.PlanAsync(Desired(Deployment(image: "${image:web}"), unknowns: [unknown]), live, applied, CancellationToken.None);

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(["spec.template.spec.containers[name=web].image"], change.UnknownPaths.ToArray());
        Assert.True(Assert.Single(change.Diffs).Unknown);
        Assert.Equal(0, client.DryRuns);
    }

    [Fact]
    public async Task An_update_is_dry_run_even_while_a_dependency_is_being_created_because_the_object_itself_exists()
    {
        // A live object's Namespace and CRD exist; a dependency being created (a ConfigMap it mounts, recreated after
        // someone deleted it) does not keep the server from checking the update.
        var (live, applied) = await ApplyAsync(Deployment());

        var change = await provider.PlanAsync(Desired(Deployment(replicas: 4)), live, applied, new KubernetesPlanHints(DependencyBeingCreated: true), CancellationToken.None);

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.False(change.ServerDefaultsUnknown);
        Assert.Equal(1, client.DryRuns);
    }

    [Fact]
    public async Task Quantities_and_int_or_string_values_compare_by_value()
    {
        var live = Deployment();
        var resources = (JsonObject)JsonPointer.Get(live, "/spec/template/spec/containers/0/resources/requests")!;
        resources["cpu"] = 0.5;
        resources["memory"] = "1073741824";
        client.Seed(live);

        var change = await provider.PlanAsync(Desired(Deployment()), Live(client.Stored("apps", "Deployment", "default", "web")!), null, CancellationToken.None);

        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Equal(0, client.Requests);
    }

    [Fact]
    public async Task Secret_data_is_masked_in_every_diff()
    {
        var (_, applied) = await ApplyAsync(Secret("db", "b2xkLXNlY3JldA=="));
        var live = With(client.Stored("", "Secret", "default", "db")!, "/data/password", JsonValue.Create("ZHJpZnRlZA=="));

        var change = await provider.PlanAsync(Desired(Secret("db", "bmV3LXNlY3JldA=="), sensitive: ["data"]), Live(live), applied, CancellationToken.None);

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(["data.password"], change.DriftPaths.ToArray());
        Assert.All(change.Diffs, d => Assert.True(d.Sensitive && d.Before is null && d.After is null));
        var shown = string.Join("\n", change.Diffs.Select(d => d.ToString())) + string.Join("\n", change.DriftPaths);
        Assert.DoesNotContain("b2xk", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("bmV3", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("ZHJp", shown, StringComparison.Ordinal);
    }

    private async Task<(LiveResource Live, AppliedResource Applied)> ApplyAsync(JsonObject obj)
    {
        var create = await provider.PlanAsync(Desired(obj), null, null, CancellationToken.None);
        var applied = await provider.ApplyAsync(create, NoOutputs, CancellationToken.None);
        var live = Live(client.Stored(applied.Address.Group, applied.Address.Kind, applied.Address.Namespace, applied.Address.Name)!);
        client.ResetCounts();
        return (live, applied);
    }

    private static JsonObject Scaled(JsonObject stored, int replicas)
    {
        var live = With(stored, "/spec/replicas", JsonValue.Create(replicas));
        JsonPointer.Set(live, "/metadata/managedFields", JsonNode.Parse("""
            [{"manager":"declarative","operation":"Apply","fieldsType":"FieldsV1",
              "fieldsV1":{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{}}}}}}}},
             {"manager":"kubectl","operation":"Update","subresource":"scale","fieldsType":"FieldsV1",
              "fieldsV1":{"f:spec":{"f:replicas":{}}}}]
            """));
        return live;
    }
}
