using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>Waits share one LIST+WATCH per kind and namespace (issue 12), counted in the API double's request log;
/// controllers are off, so readiness comes only from the status the test writes.</summary>
public sealed class SharedWatchTests
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Two_hundred_configmaps_and_two_hundred_deployments_waited_at_once_cost_one_list_and_one_watch_per_kind()
    {
        await using var host = await StartAsync(new ApiServerOptions { RunControllers = false });
        using var client = (KubeClient)TestClients.ForDouble(host);
        await using var provider = new KubernetesProvider(client);
        var names = Enumerable.Range(0, 200).Select(i => $"app-{i:D3}").ToList();
        var configMaps = await ApplyAllAsync(client, names.Select(n => ConfigMap(n, "default")));
        var deployments = await ApplyAllAsync(client, names.Select(n => Deployment(n, replicas: 1)));
        host.State.Requests.Clear();

        var waits = configMaps.Concat(deployments).Select(a => provider.WaitAsync(a, DateTimeOffset.UtcNow.AddSeconds(60), new Progress<WaitProgress>(), None)).ToList();
        await UntilAsync(() => Count(host, Deployments, watch: true) == 1);
        await Task.WhenAll(names.Select(n => RolledOutAsync(host, n)));
        var results = await Task.WhenAll(waits);

        Assert.All(results, r => Assert.True(r.Ready, string.Join("\n", r.Evidence)));
        Assert.Equal((1, 1), (Count(host, Deployments, watch: false), Count(host, Deployments, watch: true)));
        Assert.Equal((1, 1), (Count(host, ConfigMaps, watch: false), Count(host, ConfigMaps, watch: true)));
        Assert.DoesNotContain(host.State.Requests.Requests, r => r.StartsWith($"GET {Deployments}/", StringComparison.Ordinal) || r.StartsWith($"GET {ConfigMaps}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_watch_that_ends_is_resumed_without_listing_and_a_410_lists_again_and_the_wait_completes()
    {
        await using var host = await StartAsync(new ApiServerOptions { RunControllers = false, WatchHistory = 5 });
        using var client = (KubeClient)TestClients.ForDouble(host);
        await using var provider = new KubernetesProvider(client, new KubernetesProviderOptions { WatchTimeout = TimeSpan.FromSeconds(1) });
        var applied = Assert.Single(await ApplyAllAsync(client, [Deployment(replicas: 1)]));
        host.State.Requests.Clear();

        var wait = provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(60), new Progress<WaitProgress>(), None);
        await UntilAsync(() => Count(host, Deployments, watch: true) >= 2);
        var listsBeforeExpiry = Count(host, Deployments, watch: false);
        await ApplyAllAsync(client, Enumerable.Range(0, 10).Select(i => ConfigMap($"churn-{i}", "default")));
        await UntilAsync(() => Count(host, Deployments, watch: false) >= 2);
        await RolledOutAsync(host, "web");
        var result = await wait;

        Assert.Equal(1, listsBeforeExpiry);
        Assert.True(result.Ready, string.Join("\n", result.Evidence));
        Assert.Equal(2, Count(host, Deployments, watch: false));
        var requests = host.State.Requests.Requests;
        var relist = requests.ToList().FindLastIndex(r => IsRequestOf(r, Deployments, watch: false));
        Assert.Contains(requests.Skip(relist + 1), r => IsRequestOf(r, Deployments, watch: true));
    }

    [Fact]
    public async Task A_server_that_refuses_to_watch_is_polled_with_one_list_per_kind_and_namespace_for_all_waiters()
    {
        await using var host = await StartAsync(new ApiServerOptions { RunControllers = false });
        host.State.Faults.WatchDisabled = true;
        using var client = (KubeClient)TestClients.ForDouble(host);
        var poll = TimeSpan.FromMilliseconds(100);
        await using var provider = new KubernetesProvider(client, new KubernetesProviderOptions { PollInterval = poll });
        var names = Enumerable.Range(0, 20).Select(i => $"app-{i:D2}").ToList();
        var applied = await ApplyAllAsync(client, names.Select(n => Deployment(n, replicas: 1)));
        host.State.Requests.Clear();
        var clock = Stopwatch.StartNew();

        var waits = applied.Select(a => provider.WaitAsync(a, DateTimeOffset.UtcNow.AddSeconds(60), new Progress<WaitProgress>(), None)).ToList();
        await UntilAsync(() => Count(host, Deployments, watch: false) >= 3);
        await Task.WhenAll(names.Select(n => RolledOutAsync(host, n)));
        var results = await Task.WhenAll(waits);
        var elapsed = clock.Elapsed;

        Assert.All(results, r => Assert.True(r.Ready, string.Join("\n", r.Evidence)));
        Assert.Equal(1, Count(host, Deployments, watch: true));
        Assert.InRange(Count(host, Deployments, watch: false), 3, (int)(elapsed / poll) + 2);
        Assert.DoesNotContain(host.State.Requests.Requests, r => r.StartsWith($"GET {Deployments}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelled_waits_leave_no_feed_running_and_send_no_further_requests()
    {
        await using var host = await StartAsync(new ApiServerOptions { RunControllers = false });
        using var client = (KubeClient)TestClients.ForDouble(host);
        var watcher = new ObjectWatcher(client, new KubernetesProviderOptions { SharedWatchLinger = TimeSpan.FromMilliseconds(200) });
        var deployments = await client.ResolveAsync("apps/v1", "Deployment", None);
        var configMaps = await client.ResolveAsync("v1", "ConfigMap", None);
        using var cancel = new CancellationTokenSource();

        var waits = Enumerable.Range(0, 50)
            .Select(i => watcher.WatchUntilAsync(i % 2 == 0 ? deployments : configMaps, "default", $"never-{i}", null, obj => obj is not null, cancel.Token))
            .ToList();
        await UntilAsync(() => Count(host, Deployments, watch: true) == 1 && Count(host, ConfigMaps, watch: true) == 1);
        Assert.Equal(2, watcher.RunningFeeds);
        await cancel.CancelAsync();

        foreach (var wait in waits)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        }

        await UntilAsync(() => watcher.RunningFeeds == 0);
        var requests = host.State.Requests.Count;
        await Task.Delay(300);
        Assert.Equal(requests, host.State.Requests.Count);
        await watcher.DisposeAsync();
    }

    [Fact]
    public async Task Disposing_the_provider_ends_its_watches_and_fails_waits_still_running()
    {
        await using var host = await StartAsync(new ApiServerOptions { RunControllers = false });
        using var client = (KubeClient)TestClients.ForDouble(host);
        var provider = new KubernetesProvider(client);
        var applied = Assert.Single(await ApplyAllAsync(client, [Deployment()]));
        var wait = provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(60), new Progress<WaitProgress>(), None);
        await UntilAsync(() => Count(host, Deployments, watch: true) == 1);

        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => wait);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(60), new Progress<WaitProgress>(), None));
    }

    [Fact]
    public async Task Deletes_waiting_until_gone_share_the_watch_too()
    {
        await using var host = await StartAsync(new ApiServerOptions { RunControllers = false });
        using var client = (KubeClient)TestClients.ForDouble(host);
        await using var provider = new KubernetesProvider(client);
        var names = Enumerable.Range(0, 30).Select(i => $"gone-{i:D2}").ToList();
        await ApplyAllAsync(client, names.Select(n => ConfigMap(n, "default")));
        var ids = names.Select(n => AddressOf(ConfigMap(n, "default"))).ToList();
        var live = (await provider.ReadAsync(ids, Owner, None)).Live.Values.ToList();
        host.State.Requests.Clear();

        await Task.WhenAll(live.Select(l => provider.DeleteAsync(l, new DeleteOptions(), None)));

        Assert.Equal(30, host.State.Requests.Requests.Count(r => r.StartsWith($"DELETE {ConfigMaps}/", StringComparison.Ordinal)));
        Assert.Equal(1, Count(host, ConfigMaps, watch: false));
        Assert.InRange(Count(host, ConfigMaps, watch: true), 0, 1);
        var left = await client.ListAsync(await client.ResolveAsync("v1", "ConfigMap", None), "default", null, None);
        Assert.DoesNotContain(left.Items, item => names.Contains(JsonText.At(item, "/metadata/name")!));
    }

    private static Task<ApiServerHost> StartAsync(ApiServerOptions options) => ApiServerHost.StartAsync(options, None);

    /// <summary>LIST (watch: false) or WATCH requests of a collection path.</summary>
    private static int Count(ApiServerHost host, string collection, bool watch) =>
        host.State.Requests.Requests.Count(r => IsRequestOf(r, collection, watch));

    private static bool IsRequestOf(string request, string collection, bool watch) =>
        (request == $"GET {collection}" || request.StartsWith($"GET {collection}?", StringComparison.Ordinal))
        && request.Contains("watch=1", StringComparison.Ordinal) == watch;

    private static async Task<List<AppliedResource>> ApplyAllAsync(IKubeClient client, IEnumerable<JsonObject> objects)
    {
        var applied = new List<AppliedResource>();
        foreach (var obj in objects)
        {
            var type = TypeOf(obj);
            var resource = await client.ResolveAsync(type.ApiVersion, type.Kind, None);
            var stored = await client.ApplyAsync(resource, obj, new KubeApplyOptions(), None);
            var outputs = new ResourceOutputs(System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty
                .Add("uid", JsonText.At(stored, "/metadata/uid")!)
                .Add("resourceVersion", JsonText.At(stored, "/metadata/resourceVersion")!));
            applied.Add(new AppliedResource(AddressOf(obj), type, obj, outputs, new Fingerprint("test", outputs["uid"], 1)));
        }

        return applied;
    }

    /// <summary>What the Deployment controller would write once a one-replica rollout completed.</summary>
    private static async Task RolledOutAsync(ApiServerHost host, string name)
    {
        using var http = host.CreateClient();
        using var content = new StringContent("""{"status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":1,"availableReplicas":1}}""", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        using var response = await http.PatchAsync(new Uri($"{Deployments}/{name}/status", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 20 s.");
            await Task.Delay(20);
        }
    }
}
