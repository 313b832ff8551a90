using System.Net;
using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle.LifecycleServer;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle.Objects;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle;

/// <summary>The garbage collector with each propagation policy, over a Deployment -> ReplicaSet -> ConfigMap
/// chain built by hand.</summary>
public sealed class GarbageCollectionTests : IAsyncLifetime
{
    private readonly LifecycleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Background_deletes_the_owner_at_once_then_its_dependents_recursively()
    {
        var deployment = await _server.CreateAsync(DeploymentsPath, Deployment("web"));
        var rs = await _server.CreateAsync(ReplicaSets, ReplicaSet("web-1", deployment));
        await _server.CreateAsync(ConfigMaps, ConfigMap("web-1-config", rs));

        var (code, status) = await _server.DeleteAsync($"{DeploymentsPath}/web");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Success", Text(status, "status"));
        Assert.False(await _server.ExistsAsync($"{DeploymentsPath}/web"));
        await _server.GoneAsync($"{ReplicaSets}/web-1");
        await _server.GoneAsync($"{ConfigMaps}/web-1-config");
    }

    [Fact]
    public async Task Foreground_keeps_the_owner_until_its_blocking_dependents_are_gone()
    {
        var deployment = await _server.CreateAsync(DeploymentsPath, Deployment("web"));
        await _server.CreateAsync(ReplicaSets, ReplicaSet("web-1", deployment, blockOwnerDeletion: true, Hold));

        var (code, marked) = await _server.DeleteAsync($"{DeploymentsPath}/web?propagationPolicy=Foreground");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Contains("foregroundDeletion", marked!["metadata"]!["finalizers"]!.ToJsonString(), StringComparison.Ordinal);
        await EventuallyAsync(async () => Text((await _server.GetAsync($"{ReplicaSets}/web-1")).Body, "metadata.deletionTimestamp").Length > 0, "the collector deletes the ReplicaSet");
        var (_, waiting) = await _server.GetAsync($"{DeploymentsPath}/web");
        Assert.Equal("[\"foregroundDeletion\"]", waiting!["metadata"]!["finalizers"]!.ToJsonString());

        await _server.ReleaseAsync($"{ReplicaSets}/web-1");
        await _server.GoneAsync($"{ReplicaSets}/web-1");
        await _server.GoneAsync($"{DeploymentsPath}/web");
    }

    [Fact]
    public async Task Foreground_cascades_in_the_foreground_through_dependents_that_have_dependents()
    {
        var deployment = await _server.CreateAsync(DeploymentsPath, Deployment("web"));
        var rs = await _server.CreateAsync(ReplicaSets, ReplicaSet("web-1", deployment));
        await _server.CreateAsync(ConfigMaps, ConfigMap("web-1-config", rs, Hold));

        await _server.DeleteAsync($"{DeploymentsPath}/web?propagationPolicy=Foreground");

        await EventuallyAsync(async () => Text((await _server.GetAsync($"{ConfigMaps}/web-1-config")).Body, "metadata.deletionTimestamp").Length > 0, "the ConfigMap is being deleted");
        var (_, rsWaiting) = await _server.GetAsync($"{ReplicaSets}/web-1");
        Assert.Equal("[\"foregroundDeletion\"]", rsWaiting!["metadata"]!["finalizers"]!.ToJsonString());
        Assert.True(await _server.ExistsAsync($"{DeploymentsPath}/web"));

        await _server.ReleaseAsync($"{ConfigMaps}/web-1-config");
        await _server.GoneAsync($"{DeploymentsPath}/web");
        Assert.False(await _server.ExistsAsync($"{ReplicaSets}/web-1"));
    }

    [Fact]
    public async Task Foreground_does_not_wait_for_dependents_that_do_not_block()
    {
        var deployment = await _server.CreateAsync(DeploymentsPath, Deployment("web"));
        await _server.CreateAsync(ReplicaSets, ReplicaSet("web-1", deployment, blockOwnerDeletion: false, Hold));

        await _server.DeleteAsync($"{DeploymentsPath}/web?propagationPolicy=Foreground");

        await _server.GoneAsync($"{DeploymentsPath}/web");
        await EventuallyAsync(async () => Text((await _server.GetAsync($"{ReplicaSets}/web-1")).Body, "metadata.deletionTimestamp").Length > 0, "the ReplicaSet is being deleted");
    }

    [Fact]
    public async Task Orphan_removes_the_owner_and_keeps_its_dependents_without_the_reference()
    {
        var deployment = await _server.CreateAsync(DeploymentsPath, Deployment("web"));
        var other = await _server.CreateAsync(ConfigMaps, ConfigMap("other-owner"));
        var rs = ReplicaSet("web-1", deployment);
        rs["metadata"]!["ownerReferences"]!.AsArray().Add(OwnerReference(other, blockOwnerDeletion: false));
        rs["metadata"]!["ownerReferences"]![1]!["controller"] = false;
        await _server.CreateAsync(ReplicaSets, rs);

        var (code, marked) = await _server.DeleteAsync($"{DeploymentsPath}/web?propagationPolicy=Orphan");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("[\"orphan\"]", marked!["metadata"]!["finalizers"]!.ToJsonString());
        await _server.GoneAsync($"{DeploymentsPath}/web");
        var (_, kept) = await _server.GetAsync($"{ReplicaSets}/web-1");
        var references = kept!["metadata"]!["ownerReferences"]!.AsArray();
        Assert.Equal("other-owner", Assert.Single(references)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_custom_resource_owner_takes_its_ConfigMap_with_it()
    {
        await _server.CreateAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", WidgetCrd());
        var widget = await _server.CreateAsync("/apis/example.com/v1/namespaces/default/widgets", Widget("gear"));
        await _server.CreateAsync(ConfigMaps, ConfigMap("gear-config", widget));

        await _server.DeleteAsync("/apis/example.com/v1/namespaces/default/widgets/gear");

        await _server.GoneAsync($"{ConfigMaps}/gear-config");
    }

    [Fact]
    public async Task A_dependent_whose_owner_no_longer_exists_is_collected()
    {
        var ghost = Deployment("ghost");
        ghost["metadata"]!["uid"] = Guid.NewGuid().ToString();
        await _server.CreateAsync(ConfigMaps, ConfigMap("leftover", ghost));

        await _server.GoneAsync($"{ConfigMaps}/leftover");
    }

    [Fact]
    public async Task A_dependent_with_a_live_owner_only_loses_the_reference_to_the_dead_one()
    {
        var live = await _server.CreateAsync(ConfigMaps, ConfigMap("live-owner"));
        var dead = await _server.CreateAsync(ConfigMaps, ConfigMap("dead-owner"));
        var shared = ConfigMap("shared", live);
        shared["metadata"]!["ownerReferences"]!.AsArray().Add(OwnerReference(dead, blockOwnerDeletion: false));
        await _server.CreateAsync(ConfigMaps, shared);

        await _server.DeleteAsync($"{ConfigMaps}/dead-owner");

        await EventuallyAsync(
            async () => (await _server.GetAsync($"{ConfigMaps}/shared")).Body?["metadata"]?["ownerReferences"]?.AsArray().Count == 1,
            "the reference to the deleted owner is removed");
        var (_, kept) = await _server.GetAsync($"{ConfigMaps}/shared");
        Assert.Equal("live-owner", kept!["metadata"]!["ownerReferences"]![0]!["name"]!.GetValue<string>());
    }
}
