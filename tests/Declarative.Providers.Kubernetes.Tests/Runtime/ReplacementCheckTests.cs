using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>The offline rules a replacement is checked against, and the managedFields upgrade of an adoption.</summary>
public sealed class ReplacementCheckTests
{
    [Theory]
    [InlineData("""{"matchLabels":{"app":"web"}}""", null)]
    [InlineData("""{"matchLabels":{"app":"api"}}""", "spec.template.metadata.labels: Invalid value: {\"app\":\"web\",\"tier\":\"front\"}: `selector` does not match template `labels`")]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"In","values":["front","back"]}]}""", null)]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"NotIn","values":["front"]}]}""", "spec.template.metadata.labels: Invalid value: {\"app\":\"web\",\"tier\":\"front\"}: `selector` does not match template `labels`")]
    [InlineData("""{"matchExpressions":[{"key":"zone","operator":"DoesNotExist"}]}""", null)]
    public void A_workload_selector_has_to_select_its_template(string selector, string? refusal)
    {
        var deployment = With(Deployment(), "/spec/selector", JsonNode.Parse(selector));
        JsonPointer.Set(deployment, "/spec/template/metadata/labels/tier", JsonValue.Create("front"));

        Assert.Equal(refusal, ReplacementRules.Refusal(deployment));
    }

    [Fact]
    public void A_workload_without_a_selector_is_refused_and_a_job_only_checks_a_manual_selector()
    {
        var withoutSelector = Deployment();
        ((JsonObject)withoutSelector["spec"]!).Remove("selector");
        var job = Parse("""
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"migrate"},
             "spec":{"selector":{"matchLabels":{"run":"other"}},"template":{"metadata":{"labels":{"run":"migrate"}}}}}
            """);
        var manual = With(job, "/spec/manualSelector", JsonValue.Create(true));

        Assert.Equal("spec.selector: Required value", ReplacementRules.Refusal(withoutSelector));
        Assert.Null(ReplacementRules.Refusal(job));
        Assert.NotNull(ReplacementRules.Refusal(manual));
        Assert.Null(ReplacementRules.Refusal(ConfigMap("settings", "default")));
    }

    [Fact]
    public void Upgrading_managed_fields_moves_client_side_fields_into_ours_without_the_annotation()
    {
        var managedFields = (JsonArray)JsonNode.Parse("""
            [{"manager":"declarative","operation":"Apply","apiVersion":"apps/v1","fieldsType":"FieldsV1",
              "fieldsV1":{"f:metadata":{"f:labels":{"f:app.kubernetes.io/managed-by":{}}},"f:spec":{"f:replicas":{}}}},
             {"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"apps/v1","fieldsType":"FieldsV1",
              "fieldsV1":{"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}}},"f:spec":{"f:replicas":{},"f:minReadySeconds":{}}}},
             {"manager":"kubectl-edit","operation":"Update","apiVersion":"apps/v1","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:paused":{}}}},
             {"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1","subresource":"status","fieldsType":"FieldsV1","fieldsV1":{"f:status":{}}}]
            """)!;

        var managers = ClientSideApply.ManagersIn(managedFields);
        var upgraded = ManagedFieldsUpgrade.Upgrade(managedFields, "declarative", managers)!;

        Assert.Equal(["kubectl-client-side-apply"], managers);
        Assert.Equal(["declarative", "kubectl-edit", "kube-controller-manager"], upgraded.Select(e => e!["manager"]!.GetValue<string>()));
        Assert.Equal(
            """{"f:metadata":{"f:labels":{"f:app.kubernetes.io/managed-by":{}}},"f:spec":{"f:replicas":{},"f:minReadySeconds":{}}}""",
            upgraded[0]!["fieldsV1"]!.ToJsonString());
        Assert.Null(ManagedFieldsUpgrade.Upgrade(upgraded, "declarative", ClientSideApply.ManagersIn(upgraded)));
    }

    [Fact]
    public void Without_an_entry_of_ours_the_newest_client_side_entry_becomes_our_apply_entry()
    {
        var managedFields = (JsonArray)JsonNode.Parse("""
            [{"manager":"before-first-apply","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:key":{}}}}]
            """)!;

        var upgraded = ManagedFieldsUpgrade.Upgrade(managedFields, "declarative", ClientSideApply.ManagersIn(managedFields))!;

        var entry = Assert.Single(upgraded)!;
        Assert.Equal(("declarative", "Apply"), (entry["manager"]!.GetValue<string>(), entry["operation"]!.GetValue<string>()));
        Assert.Equal("""{"f:data":{"f:key":{}}}""", entry["fieldsV1"]!.ToJsonString());
    }
}
