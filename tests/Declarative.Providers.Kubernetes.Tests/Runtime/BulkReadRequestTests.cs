using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>Counts real HTTP requests: reading many objects costs one LIST per kind and namespace.</summary>
public sealed class BulkReadRequestTests
{
    private static readonly string[] Kinds = ["ConfigMap", "Secret", "ServiceAccount"];

    [Fact]
    public async Task Reading_1000_objects_of_3_kinds_in_10_namespaces_is_one_list_per_kind_and_namespace()
    {
        await using var host = await ApiServerHost.StartAsync(new ApiServerOptions { RunControllers = false }, CancellationToken.None);
        var ids = Seed(host, count: 1000);
        var counter = new CountingHandler();
        using var client = CountingClient(host, counter);
        var provider = new KubernetesProvider(client);

        var read = await provider.ReadAsync(ids, Owner, CancellationToken.None);

        Assert.Equal(1000, read.Live.Count);
        var lists = counter.Requests.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("labelSelector=", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, lists.Count);
        Assert.Equal(30, lists.Distinct().Count());
        var others = counter.Requests.Except(lists).ToList();
        Assert.True(others.Count <= 4, "Only discovery may come on top of the lists:\n" + string.Join("\n", others));
    }

    private static List<ResourceAddress> Seed(ApiServerHost host, int count)
    {
        var store = host.State.Store;
        var namespaces = host.State.Registry.Find(string.Empty, "v1", "namespaces")!;
        for (var n = 0; n < 10; n++)
        {
            var name = $"team-{n}";
            store.Write(namespaces, null, name, false, _ => new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } });
        }

        var ids = new List<ResourceAddress>();
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % 3];
            var ns = $"team-{i % 10}";
            var name = $"obj-{i.ToString(CultureInfo.InvariantCulture)}";
            var resource = host.State.Registry.FindByKind(string.Empty, "v1", kind)!;
            store.Write(resource, ns, name, false, _ => new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = kind,
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = JsonNode.Parse(OwnerLabels) },
            });
            ids.Add(new ResourceAddress(string.Empty, string.Empty, kind, ns, name));
        }

        return ids;
    }

    private static KubeClient CountingClient(ApiServerHost host, CountingHandler counter)
    {
        var (target, _) = TestClients.TargetFor(host);
        counter.InnerHandler = KubeHandlerFactory.Create(target, TimeProvider.System);
        return new KubeClient(counter, target.Server, new KubeClientOptions { DiscoveryCacheDirectory = null });
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private readonly ConcurrentQueue<string> _requests = new();

        public IReadOnlyList<string> Requests => [.. _requests];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Enqueue($"{request.Method} {request.RequestUri!.PathAndQuery}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
