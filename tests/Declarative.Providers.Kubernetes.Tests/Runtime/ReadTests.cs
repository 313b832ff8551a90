using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

public sealed class ReadTests
{
    private readonly FakeKubeClient client = new();

    [Fact]
    public async Task Reading_1000_objects_of_3_kinds_in_10_namespaces_costs_one_list_per_kind_and_namespace()
    {
        var ids = new List<ResourceAddress>();
        for (var i = 0; i < 1000; i++)
        {
            var ns = $"team-{i % 10}";
            var name = $"obj-{i.ToString(CultureInfo.InvariantCulture)}";
            var obj = (i % 3) switch
            {
                0 => ConfigMap(name, ns),
                1 => Retarget(Secret(name, "dmFsdWU="), ns),
                _ => Deployment(name, ns: ns),
            };
            client.Seed(obj);
            ids.Add(AddressOf(obj));
        }

        var result = await new KubernetesProvider(client).ReadAsync(ids, Owner, CancellationToken.None);

        Assert.Equal(1000, result.Live.Count);
        Assert.Empty(result.Orphans);
        Assert.Equal((30, 0), (client.Lists, client.Gets));
    }

    [Fact]
    public async Task An_object_without_our_labels_is_found_by_a_get_and_a_labelled_stranger_is_an_orphan()
    {
        client.Seed(ConfigMap("adopt-me", "default", labelled: false));
        client.Seed(ConfigMap("ours", "default"));
        client.Seed(ConfigMap("left-behind", "default"));
        var ids = new[] { AddressOf(ConfigMap("adopt-me", "default")), AddressOf(ConfigMap("ours", "default")), AddressOf(ConfigMap("gone", "default")) };

        var result = await new KubernetesProvider(client).ReadAsync(ids, Owner, CancellationToken.None);

        Assert.Equal(["adopt-me", "ours"], result.Live.Keys.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal("left-behind", Assert.Single(result.Orphans).Address.Name);
        Assert.Equal((1, 2), (client.Lists, client.Gets));
    }

    [Fact]
    public async Task Many_objects_without_our_labels_in_one_collection_cost_one_more_list_instead_of_a_get_each()
    {
        var ids = Enumerable.Range(0, 12).Select(i => ConfigMap($"first-apply-{i}", "default", labelled: false)).ToList();
        ids.Take(6).ToList().ForEach(client.Seed);

        var result = await new KubernetesProvider(client).ReadAsync([.. ids.Select(AddressOf)], Owner, CancellationToken.None);

        Assert.Equal(6, result.Live.Count);
        Assert.Empty(result.Orphans);
        Assert.Equal((2, 0), (client.Lists, client.Gets));
    }

    [Fact]
    public async Task A_status_write_does_not_change_the_fingerprint_but_a_spec_change_does()
    {
        client.Seed(Deployment());
        var id = AddressOf(Deployment());
        var provider = new KubernetesProvider(client);
        var before = (await provider.ReadAsync([id], Owner, CancellationToken.None)).Live[id].Fingerprint;

        client.Stored("apps", "Deployment", "default", "web")!["status"] = new JsonObject { ["replicas"] = 3 };
        var afterStatus = (await provider.ReadAsync([id], Owner, CancellationToken.None)).Live[id].Fingerprint;
        JsonPointer.Set(client.Stored("apps", "Deployment", "default", "web")!, "/spec/replicas", JsonValue.Create(7));
        var afterSpec = (await provider.ReadAsync([id], Owner, CancellationToken.None)).Live[id].Fingerprint;

        Assert.Equal(before.Hash, afterStatus.Hash);
        Assert.NotEqual(before.Hash, afterSpec.Hash);
        Assert.NotNull(before.Uid);
    }

    [Fact]
    public async Task Ids_of_a_kind_the_server_does_not_serve_yet_do_not_exist()
    {
        var id = new ResourceAddress(string.Empty, "example.com", "Widget", "default", "w");

        var result = await new KubernetesProvider(client).ReadAsync([id], Owner, new Dictionary<KindRef, string> { [id.KindRef] = "example.com/v1" }, CancellationToken.None);

        Assert.Empty(result.Live);
        Assert.Equal(0, client.Requests);
    }

    private static JsonObject Retarget(JsonObject obj, string ns) => With(obj, "/metadata/namespace", JsonValue.Create(ns));
}
