using System.Net;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Tests.Core;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle.LifecycleServer;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle.Objects;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle;

/// <summary>DELETE with finalizers (reference 3.6): what the API answers and what watchers see.</summary>
public sealed class DeletionTests : IAsyncLifetime
{
    private readonly LifecycleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Delete_of_a_held_object_answers_200_with_deletionTimestamp_zero_grace_and_a_bumped_generation()
    {
        var deployment = Deployment("web");
        deployment["metadata"]!["finalizers"] = new JsonArray(Hold);
        await _server.CreateAsync(DeploymentsPath, deployment);

        var (code, marked) = await _server.DeleteAsync($"{DeploymentsPath}/web");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Deployment", Text(marked, "kind"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Text(marked, "metadata.deletionTimestamp"));
        Assert.Equal("0", Text(marked, "metadata.deletionGracePeriodSeconds"));
        Assert.Equal("2", Text(marked, "metadata.generation"));
        Assert.Equal($"[\"{Hold}\"]", marked!["metadata"]!["finalizers"]!.ToJsonString());
        Assert.True(await _server.ExistsAsync($"{DeploymentsPath}/web"));
    }

    [Fact]
    public async Task A_ConfigMap_being_deleted_gets_no_generation()
    {
        await _server.CreateAsync(ConfigMaps, ConfigMap("held", finalizers: Hold));

        var (_, marked) = await _server.DeleteAsync($"{ConfigMaps}/held");

        Assert.NotEmpty(Text(marked, "metadata.deletionTimestamp"));
        Assert.Null(marked!["metadata"]!["generation"]);
    }

    [Fact]
    public async Task Foreground_and_Orphan_deletes_answer_the_object_with_their_finalizer()
    {
        var held = new[] { "fore", "orphan" };
        foreach (var name in held)
        {
            await _server.CreateAsync(ConfigMaps, ConfigMap(name, finalizers: Hold));
        }

        var (_, foreground) = await _server.DeleteAsync($"{ConfigMaps}/fore?propagationPolicy=Foreground");
        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = "Orphan" };
        var (_, orphan) = await _server.DeleteAsync($"{ConfigMaps}/orphan", body);

        Assert.Equal($"[\"{Hold}\",\"foregroundDeletion\"]", foreground!["metadata"]!["finalizers"]!.ToJsonString());
        Assert.Equal($"[\"{Hold}\",\"orphan\"]", orphan!["metadata"]!["finalizers"]!.ToJsonString());
    }

    [Fact]
    public async Task A_second_delete_of_a_deleting_object_returns_it_unchanged()
    {
        await _server.CreateAsync(ConfigMaps, ConfigMap("held", finalizers: Hold));
        var (_, first) = await _server.DeleteAsync($"{ConfigMaps}/held");

        var (code, second) = await _server.DeleteAsync($"{ConfigMaps}/held");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(Text(first, "metadata.resourceVersion"), Text(second, "metadata.resourceVersion"));
        Assert.Equal(Text(first, "metadata.deletionTimestamp"), Text(second, "metadata.deletionTimestamp"));
    }

    [Fact]
    public async Task No_new_finalizer_may_be_added_to_a_deleting_object()
    {
        await _server.CreateAsync(ConfigMaps, ConfigMap("held", finalizers: Hold));
        await _server.DeleteAsync($"{ConfigMaps}/held");

        var (code, status) = await _server.PatchAsync($"{ConfigMaps}/held", """{"metadata":{"finalizers":["example.com/hold","example.com/late"]}}""");

        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal(
            "ConfigMap \"held\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"example.com/late\"}",
            Text(status, "message"));
    }

    [Fact]
    public async Task A_client_cannot_set_or_clear_deletionTimestamp_by_writing_it()
    {
        await _server.CreateAsync(ConfigMaps, ConfigMap("app"));

        var (code, written) = await _server.PatchAsync($"{ConfigMaps}/app", """{"metadata":{"deletionTimestamp":"2020-01-01T00:00:00Z"}}""");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Null(written!["metadata"]!["deletionTimestamp"]);
    }

    [Fact]
    public async Task Releasing_the_last_finalizer_deletes_the_object_and_watchers_see_MODIFIED_then_DELETED()
    {
        var created = await _server.CreateAsync(ConfigMaps, ConfigMap("held", finalizers: Hold));
        await using var watch = await WatchStream.OpenAsync(_server.Client, $"{ConfigMaps}?watch=1&resourceVersion={Text(created, "metadata.resourceVersion")}");

        await _server.DeleteAsync($"{ConfigMaps}/held");
        var (code, released) = await _server.PatchAsync($"{ConfigMaps}/held", """{"metadata":{"finalizers":null}}""");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Null(released!["metadata"]!["finalizers"]);
        var marked = await watch.NextChangeAsync();
        Assert.Equal("MODIFIED", Text(marked, "type"));
        Assert.NotEmpty(Text(marked, "object.metadata.deletionTimestamp"));
        var deleted = await watch.NextChangeAsync();
        Assert.Equal("DELETED", Text(deleted, "type"));
        Assert.Equal("held", Text(deleted, "object.metadata.name"));
        Assert.False(await _server.ExistsAsync($"{ConfigMaps}/held"));
    }

    [Fact]
    public async Task A_ReplicationController_orphans_its_dependents_unless_told_otherwise()
    {
        var rc = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"legacy","finalizers":["example.com/hold"]},
             "spec":{"replicas":0,"selector":{"app":"legacy"},
               "template":{"metadata":{"labels":{"app":"legacy"}},"spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}}}
            """)!.AsObject();
        await _server.CreateAsync("/api/v1/namespaces/default/replicationcontrollers", rc);

        var (_, marked) = await _server.DeleteAsync("/api/v1/namespaces/default/replicationcontrollers/legacy");

        Assert.Equal($"[\"{Hold}\",\"orphan\"]", marked!["metadata"]!["finalizers"]!.ToJsonString());
    }
}
