using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Patching;
using static Declarative.Kubernetes.ApiServer.Tests.Ssa.SsaFixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Ssa;

public sealed class FieldManagerUpdateTests
{
    [Fact]
    public void A_create_gives_the_creator_every_field_it_wrote()
    {
        var configMap = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"a":"b"}},"data":{"k":"v"}}""");

        var created = Update(null, configMap, "kubectl-create", resource: ConfigMaps);

        var entry = Entry(created, "kubectl-create", "Update");
        Assert.Equal("v1", (string?)entry["apiVersion"]);
        Assert.Equal("2026-01-01T00:00:00Z", (string?)entry["time"]);
        Assert.Equal("""{"f:data":{".":{},"f:k":{}},"f:metadata":{"f:labels":{".":{},"f:a":{}}}}""", Compact(entry["fieldsV1"]));
    }

    [Fact]
    public void A_scale_by_another_manager_makes_the_next_apply_of_replicas_conflict()
    {
        var live = Apply(null, Deployment(replicas: 2));
        var scaled = Update(live, WithReplicas(live, 5), "kubectl", now: T2);

        var error = Assert.Throws<ApplyConflictException>(() => Apply(scaled, Deployment(replicas: 3)));

        Assert.Equal(new FieldConflict("kubectl", ".spec.replicas", "apps/v1", null), Assert.Single(error.Conflicts));
    }

    [Fact]
    public void An_update_takes_changed_fields_from_other_managers_without_conflict()
    {
        var live = Apply(null, Deployment(replicas: 2));

        var scaled = Update(live, WithReplicas(live, 5), "hpa", now: T2);

        Assert.Equal(5, (int?)scaled["spec"]!["replicas"]);
        Assert.Null(Entry(scaled, "kubectl")["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Compact(Entry(scaled, "hpa", "Update")["fieldsV1"]));
        Assert.Equal(["kubectl/Apply", "hpa/Update"], Managers(scaled));
    }

    [Fact]
    public void An_update_that_changes_nothing_records_no_entry()
    {
        var live = Apply(null, Deployment());

        var same = Update(live, live, "someone", now: T2);

        Assert.Equal(["kubectl/Apply"], Managers(same));
    }

    [Fact]
    public void Fields_an_update_removes_leave_every_manager()
    {
        var live = Apply(null, Deployment(extraLabel: "tier"));
        var withoutTier = (JsonObject)live.DeepClone();
        ((JsonObject)withoutTier["metadata"]!["labels"]!).Remove("tier");

        var result = Update(live, withoutTier, "editor", now: T2);

        Assert.Null(Entry(result, "kubectl")["fieldsV1"]!["f:metadata"]!["f:labels"]!["f:tier"]);
        Assert.Equal(["kubectl/Apply"], Managers(result));
    }

    [Fact]
    public void Writing_a_single_empty_entry_clears_managed_fields()
    {
        var live = Apply(null, Deployment());
        var reset = (JsonObject)live.DeepClone();
        reset["metadata"]!["managedFields"] = new JsonArray(new JsonObject());

        var result = Update(live, reset, "kubectl-edit", now: T2);

        Assert.Null(result["metadata"]!["managedFields"]);
    }

    [Fact]
    public void Writing_an_empty_list_keeps_the_managed_fields()
    {
        var live = Apply(null, Deployment());
        var emptied = (JsonObject)live.DeepClone();
        emptied["metadata"]!["managedFields"] = new JsonArray();

        var result = Update(live, emptied, "kubectl-edit", now: T2);

        Assert.Equal(["kubectl/Apply"], Managers(result));
    }

    [Fact]
    public void Status_writes_are_recorded_against_the_status_subresource()
    {
        var live = Apply(null, Deployment());
        var withStatus = (JsonObject)live.DeepClone();
        withStatus["status"] = Json("""{"replicas":2}""");

        var result = Update(live, withStatus, "kube-controller-manager", subresource: "status", now: T2);

        var entry = Entry(result, "kube-controller-manager", "Update");
        Assert.Equal("status", (string?)entry["subresource"]);
        Assert.Equal("""{"f:status":{"f:replicas":{}}}""", Compact(entry["fieldsV1"]));
    }

    [Fact]
    public void More_than_ten_update_managers_are_folded_into_ancient_changes()
    {
        var live = Update(null, Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{}}"""), "creator", resource: ConfigMaps);
        for (var i = 0; i < 11; i++)
        {
            var next = (JsonObject)live.DeepClone();
            next["data"]![$"key{i}"] = "v";
            live = Update(live, next, $"writer{i:00}", resource: ConfigMaps, now: T1.AddMinutes(i + 1));
        }

        var managers = Managers(live);

        Assert.Equal(10, managers.Length);
        Assert.Contains("ancient-changes/Update", managers);
        Assert.DoesNotContain("creator/Update", managers);
        Assert.DoesNotContain("writer00/Update", managers);
        Assert.Contains("writer10/Update", managers);
        var ancient = Entry(live, "ancient-changes", "Update")["fieldsV1"]!["f:data"]!.AsObject();
        Assert.True(ancient.ContainsKey("f:key0"), Compact(ancient));
    }
}
