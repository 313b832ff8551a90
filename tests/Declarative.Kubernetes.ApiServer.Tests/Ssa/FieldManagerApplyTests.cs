using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Patching;
using static Declarative.Kubernetes.ApiServer.Tests.Ssa.SsaFixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Ssa;

public sealed class FieldManagerApplyTests
{
    [Fact]
    public void First_apply_records_an_Apply_entry_with_the_fields_it_sets()
    {
        var created = Apply(null, Deployment());

        var entry = Entry(created, "kubectl");
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("apps/v1", (string?)entry["apiVersion"]);
        Assert.Equal("2026-01-01T00:00:00Z", (string?)entry["time"]);
        Assert.Equal("FieldsV1", (string?)entry["fieldsType"]);
        Assert.Null(entry["subresource"]);
        Assert.Equal(
            """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}""",
            Compact(entry["fieldsV1"]));
    }

    [Fact]
    public void The_first_apply_to_an_object_without_managed_fields_gives_its_fields_to_before_first_apply()
    {
        var untracked = Deployment(replicas: 3, extraLabel: "extra");

        var applied = Apply(untracked, Deployment(replicas: 3), manager: "declarative");

        var before = Entry(applied, "before-first-apply", "Update");
        Assert.Equal("apps/v1", (string?)before["apiVersion"]);
        Assert.NotNull(before["fieldsV1"]!["f:metadata"]!["f:labels"]!["f:extra"]);
        Assert.Equal(["declarative/Apply", "before-first-apply/Update"], Managers(applied));
        Assert.Equal("yes", (string?)applied["metadata"]!["labels"]!["extra"]);
    }

    [Fact]
    public void A_changed_field_that_existed_before_the_first_apply_conflicts_with_before_first_apply()
    {
        var untracked = Deployment(replicas: 3);

        var conflict = Assert.Throws<ApplyConflictException>(() => Apply(untracked, Deployment(replicas: 5), manager: "declarative"));

        Assert.Contains(conflict.Conflicts, c => c.Manager == "before-first-apply" && c.Field == ".spec.replicas");
    }

    [Fact]
    public void Never_changes_the_inputs()
    {
        var applied = Deployment();
        var live = Apply(null, Deployment(replicas: 1));
        var appliedText = applied.ToJsonString();
        var liveText = live.ToJsonString();

        Apply(live, applied, manager: "other", force: true);

        Assert.Equal(appliedText, applied.ToJsonString());
        Assert.Equal(liveText, live.ToJsonString());
    }

    [Fact]
    public void Reapplying_the_same_configuration_changes_nothing()
    {
        var live = Apply(null, Deployment());

        var again = Apply(live, Deployment(), now: T2);

        Assert.True(JsonNode.DeepEquals(live, again), again.ToJsonString());
    }

    [Fact]
    public void Reapplying_over_server_defaults_changes_nothing()
    {
        var live = Apply(null, Deployment());
        var container = live["spec"]!["template"]!["spec"]!["containers"]![0]!;
        container["ports"]![0]!["protocol"] = "TCP";
        container["imagePullPolicy"] = "IfNotPresent";
        live["spec"]!["strategy"] = Json("""{"type":"RollingUpdate"}""");

        var again = Apply(live, Deployment(), now: T2);

        Assert.True(JsonNode.DeepEquals(live, again), again.ToJsonString());
    }

    [Fact]
    public void A_changed_apply_moves_the_entry_time_forward()
    {
        var live = Apply(null, Deployment());

        var changed = Apply(live, Deployment(replicas: 4), now: T2);

        Assert.Equal(4, (int?)changed["spec"]!["replicas"]);
        Assert.Equal("2026-01-01T00:05:00Z", (string?)Entry(changed, "kubectl")["time"]);
    }

    [Fact]
    public void Another_manager_setting_a_different_value_conflicts_with_the_owner()
    {
        var live = Apply(null, Deployment(replicas: 2));

        var error = Assert.Throws<ApplyConflictException>(() => Apply(live, Deployment(replicas: 5), manager: "ci"));

        var conflict = Assert.Single(error.Conflicts);
        Assert.Equal(new FieldConflict("kubectl", ".spec.replicas", null, null), conflict);
    }

    [Fact]
    public void Conflicts_name_list_items_by_their_keys()
    {
        var live = Apply(null, Deployment(image: "nginx:1.27"));

        var error = Assert.Throws<ApplyConflictException>(() => Apply(live, Deployment(image: "nginx:1.28"), manager: "ci"));

        Assert.Equal(".spec.template.spec.containers[name=\"web\"].image", Assert.Single(error.Conflicts).Field);
    }

    [Fact]
    public void Another_manager_applying_the_same_value_shares_ownership()
    {
        var live = Apply(null, Deployment(replicas: 2));

        var shared = Apply(live, Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2}}"""), manager: "ci");

        Assert.Equal(["kubectl/Apply", "ci/Apply"], Managers(shared).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Entry(shared, "ci")["fieldsV1"]!.ToJsonString());
        Assert.NotNull(Entry(shared, "kubectl")["fieldsV1"]!["f:spec"]!["f:replicas"]);
    }

    [Fact]
    public void Force_takes_the_field_from_the_other_manager()
    {
        var live = Apply(null, Deployment(replicas: 2));

        var forced = Apply(live, Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":7}}"""), manager: "ci", force: true);

        Assert.Equal(7, (int?)forced["spec"]!["replicas"]);
        Assert.Null(Entry(forced, "kubectl")["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Entry(forced, "ci")["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void A_field_dropped_from_the_apply_is_removed_when_nobody_else_owns_it()
    {
        var live = Apply(null, Deployment(extraLabel: "tier"));

        var result = Apply(live, Deployment());

        Assert.Null(result["metadata"]!["labels"]!["tier"]);
        Assert.Equal("web", (string?)result["metadata"]!["labels"]!["app"]);
    }

    [Fact]
    public void A_field_dropped_from_the_apply_stays_when_another_manager_owns_it()
    {
        var live = Apply(null, Deployment(extraLabel: "tier"));
        live = Apply(live, Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"tier":"yes"}}}"""), manager: "ci");

        var result = Apply(live, Deployment());

        Assert.Equal("yes", (string?)result["metadata"]!["labels"]!["tier"]);
        Assert.Null(Entry(result, "kubectl")["fieldsV1"]!["f:metadata"]!["f:labels"]!["f:tier"]);
    }

    [Fact]
    public void A_container_dropped_from_the_applied_list_is_removed()
    {
        var twoContainers = Deployment();
        ((JsonArray)twoContainers["spec"]!["template"]!["spec"]!["containers"]!).Add(Json("""{"name":"sidecar","image":"envoy:1"}"""));
        var live = Apply(null, twoContainers);

        var result = Apply(live, Deployment());

        var containers = (JsonArray)result["spec"]!["template"]!["spec"]!["containers"]!;
        Assert.Equal("web", (string?)Assert.Single(containers)!["name"]);
    }

    [Fact]
    public void Items_of_associative_lists_merge_with_live_fields_set_by_others()
    {
        var live = Apply(null, Deployment());
        live["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"] = "IfNotPresent";

        var result = Apply(live, Deployment(image: "nginx:1.28"));

        var container = result["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.28", (string?)container["image"]);
        Assert.Equal("IfNotPresent", (string?)container["imagePullPolicy"]);
    }

    [Fact]
    public void Status_in_an_apply_to_the_main_resource_is_ignored()
    {
        var applied = Deployment();
        applied["status"] = Json("""{"replicas":9}""");

        var created = Apply(null, applied);

        Assert.Null(created["status"]);
        Assert.Null(Entry(created, "kubectl")["fieldsV1"]!["f:status"]);
    }

    [Fact]
    public void An_apply_to_the_status_subresource_owns_only_status()
    {
        var live = Apply(null, Deployment());
        var applied = Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"x":"y"}},"spec":{"replicas":9},"status":{"readyReplicas":2}}""");

        var result = Apply(live, applied, manager: "controller", subresource: "status");

        Assert.Equal(2, (int?)result["status"]!["readyReplicas"]);
        Assert.Equal(2, (int?)result["spec"]!["replicas"]);
        Assert.Null(result["metadata"]!["labels"]!["x"]);
        var entry = Entry(result, "controller");
        Assert.Equal("status", (string?)entry["subresource"]);
        Assert.Equal("""{"f:status":{"f:readyReplicas":{}}}""", Compact(entry["fieldsV1"]));
    }

    [Fact]
    public void Lists_of_custom_resources_are_atomic()
    {
        var widget = Json("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"items":[{"name":"a","size":1}]}}""");
        var live = Apply(null, widget, resource: Widgets);
        var mine = Json("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"items":[{"name":"b"}]}}""");

        var error = Assert.Throws<ApplyConflictException>(() => Apply(live, mine, manager: "ci", resource: Widgets));

        Assert.Equal(".spec.items", Assert.Single(error.Conflicts).Field);
        Assert.Equal("""{"f:spec":{"f:items":{}}}""", Entry(live, "kubectl")["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void Finalizers_are_a_set()
    {
        var applied = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","finalizers":["example.com/keep"]}}""");

        var created = Apply(null, applied, resource: ConfigMaps);

        Assert.Equal("""{"f:metadata":{"f:finalizers":{"v:\"example.com/keep\"":{}}}}""", Compact(Entry(created, "kubectl")["fieldsV1"]));
    }
}
