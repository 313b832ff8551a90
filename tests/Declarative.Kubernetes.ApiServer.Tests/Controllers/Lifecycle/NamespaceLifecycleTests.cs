using System.Net;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Tests.Core;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle.LifecycleServer;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle.Objects;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle;

/// <summary>A Namespace DELETE: Terminating, its content deleted, its conditions, then gone.</summary>
public sealed class NamespaceLifecycleTests : IAsyncLifetime
{
    private const string Namespaces = "/api/v1/namespaces";
    private const string ShopConfigMaps = "/api/v1/namespaces/shop/configmaps";
    private readonly LifecycleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Delete_answers_the_Terminating_namespace_then_its_content_and_the_namespace_go()
    {
        await _server.CreateAsync(Namespaces, Namespace("shop"));
        await _server.CreateAsync(ShopConfigMaps, ConfigMap("settings"));
        await _server.CreateAsync("/apis/apps/v1/namespaces/shop/deployments", Deployment("web", "shop"));
        await _server.CreateAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", WidgetCrd());
        await _server.CreateAsync("/apis/example.com/v1/namespaces/shop/widgets", Widget("gear", "shop"));

        var (code, terminating) = await _server.DeleteAsync($"{Namespaces}/shop");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Namespace", Text(terminating, "kind"));
        Assert.Equal("Terminating", Text(terminating, "status.phase"));
        Assert.NotEmpty(Text(terminating, "metadata.deletionTimestamp"));
        Assert.Null(terminating!["metadata"]!["deletionGracePeriodSeconds"]);
        Assert.Equal("[\"kubernetes\"]", terminating["spec"]!["finalizers"]!.ToJsonString());
        await _server.GoneAsync($"{Namespaces}/shop");
        Assert.Empty((await _server.GetAsync(ShopConfigMaps)).Body!["items"]!.AsArray());
        Assert.Empty((await _server.GetAsync("/apis/apps/v1/namespaces/shop/deployments")).Body!["items"]!.AsArray());
        Assert.Empty((await _server.GetAsync("/apis/example.com/v1/namespaces/shop/widgets")).Body!["items"]!.AsArray());
        Assert.True(await _server.ExistsAsync($"{ConfigMaps}/kube-root-ca.crt"));
    }

    [Fact]
    public async Task Held_content_keeps_the_namespace_Terminating_with_conditions_that_name_it()
    {
        await _server.CreateAsync(Namespaces, Namespace("shop"));
        await _server.CreateAsync(ShopConfigMaps, ConfigMap("held", finalizers: Hold));

        await _server.DeleteAsync($"{Namespaces}/shop");

        var conditions = await ConditionsOnceContentRemainsAsync();
        Assert.Equal(
            [
                "NamespaceDeletionDiscoveryFailure False ResourcesDiscovered All resources successfully discovered",
                "NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions All legacy kube types successfully parsed",
                "NamespaceDeletionContentFailure False ContentDeleted All content successfully deleted, may be waiting on finalization",
                "NamespaceContentRemaining True SomeResourcesRemain Some resources are remaining: configmaps. has 1 resource instances",
                "NamespaceFinalizersRemaining True SomeFinalizersRemain Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances",
            ],
            conditions);
        Assert.NotEmpty(Text((await _server.GetAsync($"{ShopConfigMaps}/held")).Body, "metadata.deletionTimestamp"));
        Assert.False(await _server.ExistsAsync($"{ShopConfigMaps}/kube-root-ca.crt"));

        await _server.ReleaseAsync($"{ShopConfigMaps}/held");
        await _server.GoneAsync($"{Namespaces}/shop");
    }

    [Fact]
    public async Task A_Terminating_namespace_refuses_new_content_and_a_second_delete()
    {
        await _server.CreateAsync(Namespaces, Namespace("shop"));
        await _server.CreateAsync(ShopConfigMaps, ConfigMap("held", finalizers: Hold));
        await _server.DeleteAsync($"{Namespaces}/shop");

        var (createCode, forbidden) = await _server.SendAsync(HttpMethod.Post, ShopConfigMaps, ConfigMap("late"));
        var (deleteCode, conflict) = await _server.DeleteAsync($"{Namespaces}/shop");

        Assert.Equal(HttpStatusCode.Forbidden, createCode);
        Assert.Equal("configmaps \"late\" is forbidden: unable to create new content in namespace shop because it is being terminated", Text(forbidden, "message"));
        Assert.Equal("NamespaceTerminating", Text(forbidden!["details"]!["causes"]![0], "reason"));
        Assert.Equal(HttpStatusCode.Conflict, deleteCode);
        Assert.Equal(
            "Operation cannot be fulfilled on namespaces \"shop\": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.",
            Text(conflict, "message"));
    }

    [Fact]
    public async Task Watchers_see_the_namespace_MODIFIED_while_Terminating_then_DELETED()
    {
        var created = await _server.CreateAsync(Namespaces, Namespace("shop"));
        await using var watch = await WatchStream.OpenAsync(_server.Client, $"{Namespaces}?watch=1&fieldSelector=metadata.name=shop&resourceVersion={Text(created, "metadata.resourceVersion")}");

        await _server.DeleteAsync($"{Namespaces}/shop");

        var events = new List<JsonNode>();
        while (events.Count == 0 || Text(events[^1], "type") != "DELETED")
        {
            events.Add((await watch.NextChangeAsync())!);
        }

        Assert.All(events[..^1], e => Assert.Equal("MODIFIED", Text(e, "type")));
        Assert.Equal("Terminating", Text(events[0], "object.status.phase"));
        Assert.Equal("NamespaceDeletionDiscoveryFailure", Text(events[^2]["object"]!["status"]!["conditions"]![0], "type"));
    }

    [Fact]
    public async Task A_slow_time_scale_keeps_the_namespace_Terminating_with_its_content()
    {
        var slow = new LifecycleServer(timeScale: 60);
        await slow.InitializeAsync();
        try
        {
            await slow.CreateAsync(Namespaces, Namespace("shop"));
            await slow.CreateAsync(ShopConfigMaps, ConfigMap("settings"));
            await slow.DeleteAsync($"{Namespaces}/shop");

            // The controller's first pass is due 1 s simulated = 60 s here after the DELETE; nothing moves before.
            await Task.Delay(TimeSpan.FromMilliseconds(300));

            Assert.Equal("Terminating", Text((await slow.GetAsync($"{Namespaces}/shop")).Body, "status.phase"));
            Assert.True(await slow.ExistsAsync($"{ShopConfigMaps}/settings"));
        }
        finally
        {
            await slow.DisposeAsync();
        }
    }

    private async Task<List<string>> ConditionsOnceContentRemainsAsync()
    {
        JsonArray? conditions = null;
        await EventuallyAsync(
            async () => (conditions = (await _server.GetAsync($"{Namespaces}/shop")).Body?["status"]?["conditions"] as JsonArray) is { Count: 5 },
            "the namespace controller sets the conditions");
        return [.. conditions!.Select(c => $"{Text(c, "type")} {Text(c, "status")} {Text(c, "reason")} {Text(c, "message")}")];
    }
}
