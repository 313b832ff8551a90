using System.Net;
using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Core.DoubleServer;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

public sealed class PatchTests : IAsyncLifetime
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private const string Apply = "application/apply-patch+yaml";
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_unknown_patch_type_is_415_listing_the_accepted_types()
    {
        await _server.CreateAsync(Deployments, Deployment("web"));
        var (code, status) = await _server.PatchAsync($"{Deployments}/web", "{}", "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, code);
        Assert.Equal(
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml",
            Text(status, "message"));
    }

    [Fact]
    public async Task Apply_without_fieldManager_is_422_and_force_on_a_merge_patch_is_422()
    {
        await _server.CreateAsync(Deployments, Deployment("web"));
        var (applyCode, applyStatus) = await _server.PatchAsync($"{Deployments}/web", Deployment("web").ToJsonString(), Apply);
        Assert.Equal((HttpStatusCode)422, applyCode);
        Assert.EndsWith("fieldManager: Required value: is required for apply patch", Text(applyStatus, "message"));

        var (forceCode, forceStatus) = await _server.PatchAsync($"{Deployments}/web?force=true", "{}", "application/merge-patch+json");
        Assert.Equal((HttpStatusCode)422, forceCode);
        Assert.EndsWith("force: Forbidden: may not be specified for non-apply patch", Text(forceStatus, "message"));
    }

    [Fact]
    public async Task A_merge_patch_changes_the_object_and_records_the_user_agent_manager()
    {
        await _server.CreateAsync(Deployments, Deployment("web"));
        var (code, patched) = await _server.PatchAsync($"{Deployments}/web", """{"spec":{"replicas":4}}""", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("4", Text(patched, "spec.replicas"));
        Assert.Equal("2", Text(patched, "metadata.generation"));
        Assert.Contains(patched!["metadata"]!["managedFields"]!.AsArray(), e => Text(e, "manager") == "core-tests");
    }

    [Fact]
    public async Task A_failed_json_patch_test_is_422()
    {
        await _server.CreateAsync(Deployments, Deployment("web"));
        var (code, _) = await _server.PatchAsync($"{Deployments}/web", """[{"op":"test","path":"/spec/replicas","value":7}]""", "application/json-patch+json");
        Assert.Equal((HttpStatusCode)422, code);
    }

    [Fact]
    public async Task Apply_creates_a_missing_object_with_201_and_a_repeated_apply_keeps_the_resourceVersion()
    {
        var manifest = Deployment("web").ToJsonString();
        var (created, first) = await _server.PatchAsync($"{Deployments}/web?fieldManager=tool", manifest, Apply);
        Assert.Equal(HttpStatusCode.Created, created);
        var (again, second) = await _server.PatchAsync($"{Deployments}/web?fieldManager=tool", manifest, Apply);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(Text(first, "metadata.resourceVersion"), Text(second, "metadata.resourceVersion"));
    }

    [Fact]
    public async Task A_conflicting_apply_is_409_naming_the_other_manager_and_the_field()
    {
        await _server.PatchAsync($"{Deployments}/web?fieldManager=first", Deployment("web", replicas: 2).ToJsonString(), Apply);
        var (code, status) = await _server.PatchAsync($"{Deployments}/web?fieldManager=second", Deployment("web", replicas: 5).ToJsonString(), Apply);
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", Text(status, "reason"));
        Assert.Equal("Apply failed with 1 conflict: conflict with \"first\": .spec.replicas", Text(status, "message"));
        var cause = status!["details"]!["causes"]![0]!;
        Assert.Equal("FieldManagerConflict", Text(cause, "reason"));
        Assert.Equal(".spec.replicas", Text(cause, "field"));
    }

    [Fact]
    public async Task The_scale_subresource_reads_and_sets_the_parents_replicas()
    {
        await _server.CreateAsync(Deployments, Deployment("web", replicas: 2));
        var (code, scale) = await _server.GetAsync($"{Deployments}/web/scale");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Scale", Text(scale, "kind"));
        Assert.Equal("autoscaling/v1", Text(scale, "apiVersion"));
        Assert.Equal("2", Text(scale, "spec.replicas"));
        Assert.Equal("app=web", Text(scale, "status.selector"));

        scale!["spec"]!["replicas"] = 6;
        var (putCode, updated) = await _server.PutAsync($"{Deployments}/web/scale", scale);
        Assert.Equal(HttpStatusCode.OK, putCode);
        Assert.Equal("6", Text(updated, "spec.replicas"));
        var (_, parent) = await _server.GetAsync($"{Deployments}/web");
        Assert.Equal("6", Text(parent, "spec.replicas"));
    }

    [Fact]
    public async Task Scale_is_not_served_for_resources_without_it()
    {
        await _server.CreateAsync("/api/v1/namespaces/default/configmaps", ConfigMap("app"));
        var (code, status) = await _server.GetAsync("/api/v1/namespaces/default/configmaps/app/scale");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("{}", status!["details"]!.ToJsonString());
    }
}
