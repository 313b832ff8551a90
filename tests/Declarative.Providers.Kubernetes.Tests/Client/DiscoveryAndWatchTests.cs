using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Faults;
using Declarative.Providers.Kubernetes.Client;
using static Declarative.Providers.Kubernetes.Tests.Client.DoubleHarness;

namespace Declarative.Providers.Kubernetes.Tests.Client;

public sealed class DiscoveryAndWatchTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private DoubleHarness _double = null!;

    public async Task InitializeAsync() => _double = await StartAsync(new ApiServerOptions { RunControllers = false, WatchHistory = 5 });

    public async Task DisposeAsync() => await _double.DisposeAsync();

    private static JsonObject WidgetCrd() => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"kind":"Widget","plural":"widgets","singular":"widget"},
           "versions":[{"name":"v1","served":true,"storage":true,
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},
             "subresources":{"status":{}}}]}}
        """)!.AsObject();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Discovery_maps_kinds_to_their_resources_with_aggregated_or_legacy_documents(bool aggregated)
    {
        using var client = _double.Client(options: _double.Options with { AggregatedDiscovery = aggregated });

        var deployments = await client.ResolveAsync("apps/v1", "Deployment", None);
        var namespaces = await client.ResolveAsync("v1", "Namespace", None);

        Assert.Equal(("deployments", true, true), (deployments.Plural, deployments.Namespaced, deployments.HasStatus));
        Assert.Equal(("namespaces", false), (namespaces.Plural, namespaces.Namespaced));
    }

    [Fact]
    public async Task A_CRD_applied_earlier_in_the_run_is_found_by_refreshing_discovery()
    {
        using var client = _double.Client();
        var crds = await client.ResolveAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition", None);

        await client.ApplyAsync(crds, WidgetCrd(), new KubeApplyOptions(), None);
        var widgets = await client.ResolveAsync("example.com/v1", "Widget", None);

        Assert.Equal(("example.com", "widgets", true), (widgets.Group, widgets.Plural, widgets.Namespaced));
    }

    [Fact]
    public async Task An_unserved_kind_is_NotFound_and_suggests_kubectl_api_resources()
    {
        using var client = _double.Client();

        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.ResolveAsync("example.com/v1", "Gadget", None));

        Assert.True(error.IsNotFound);
        Assert.Contains("\"Gadget\" in apiVersion \"example.com/v1\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("kubectl api-resources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_is_cached_on_disk_with_owner_only_permissions_and_reused_by_the_next_run()
    {
        using (var first = _double.Client())
        {
            await first.ResolveAsync("apps/v1", "Deployment", None);
        }

        var file = Directory.GetFiles(_double.Temp.PathOf("cache"), "discovery.json", SearchOption.AllDirectories).Single();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        _double.Host.State.Faults.FailAll(FaultKind.InternalError);
        using var second = _double.Client();
        Assert.Equal("deployments", (await second.ResolveAsync("apps/v1", "Deployment", None)).Plural);
    }

    [Fact]
    public async Task Watch_streams_changes_of_one_object_after_a_resource_version()
    {
        using var client = _double.Client();
        var configMaps = await client.ResolveAsync("v1", "ConfigMap", None);
        var created = await client.ApplyAsync(configMaps, ConfigMap("watched", value: "1"), new KubeApplyOptions(), None);
        var start = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        await client.ApplyAsync(configMaps, ConfigMap("other"), new KubeApplyOptions(), None);
        await client.ApplyAsync(configMaps, ConfigMap("watched", value: "2"), new KubeApplyOptions(), None);
        await client.DeleteAsync(configMaps, "default", "watched", Core.Providers.DeletePropagation.Background, None);

        var events = new List<KubeWatchEvent>();
        await foreach (var watchEvent in client.WatchAsync(configMaps, "default", "watched", start, TimeSpan.FromSeconds(1), None))
        {
            events.Add(watchEvent);
        }

        var changes = events.Where(e => e.Type != "BOOKMARK").ToList();
        Assert.Equal(["MODIFIED", "DELETED"], changes.Select(e => e.Type));
        Assert.Equal("2", changes[0].Object["data"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watching_from_a_compacted_resource_version_is_Expired()
    {
        using var client = _double.Client();
        var configMaps = await client.ResolveAsync("v1", "ConfigMap", None);
        var first = await client.ApplyAsync(configMaps, ConfigMap("old"), new KubeApplyOptions(), None);
        for (var i = 0; i < 10; i++)
        {
            await client.ApplyAsync(configMaps, ConfigMap($"n-{i}"), new KubeApplyOptions(), None);
        }

        var error = await Assert.ThrowsAsync<KubeApiException>(async () =>
        {
            await foreach (var unused in client.WatchAsync(configMaps, "default", null, first["metadata"]!["resourceVersion"]!.GetValue<string>(), TimeSpan.FromSeconds(1), None))
            {
            }
        });

        Assert.Equal((410, "Expired"), (error.Code, error.Reason));
    }
}
