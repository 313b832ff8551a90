using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

public sealed class ServiceControllerTests
{
    private const string Services = "/api/v1/namespaces/default/services";

    private static string Service(string name, string type, string selector = "web", string targetPort = "\"http\"") => """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"NAME","labels":{"tier":"front"}},
         "spec":{"type":"TYPE","selector":{"app":"SELECTOR"},"ports":[{"name":"web","port":80,"targetPort":TARGET}]}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("TYPE", type, StringComparison.Ordinal)
        .Replace("SELECTOR", selector, StringComparison.Ordinal).Replace("TARGET", targetPort, StringComparison.Ordinal);

    private static JsonArray? Ingress(JsonObject service) => service["status"]?["loadBalancer"]?["ingress"] as JsonArray;

    [Fact]
    public async Task Load_balancer_services_get_ingress_addresses_from_the_test_range()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Services, Service("first", "LoadBalancer"));
        await cluster.CreateAsync(Services, Service("internal", "ClusterIP"));
        var first = await cluster.WaitForAsync($"{Services}/first", s => Ingress(s) is { Count: 1 });
        await cluster.CreateAsync(Services, Service("second", "LoadBalancer"));

        var second = await cluster.WaitForAsync($"{Services}/second", s => Ingress(s) is { Count: 1 });
        var clusterIp = await cluster.GetAsync($"{Services}/internal");

        Assert.Equal("""[{"ip":"172.18.255.200","ipMode":"VIP"}]""", Ingress(first)!.ToJsonString());
        Assert.Equal("172.18.255.201", WorkloadCluster.Text(Ingress(second)![0], "ip"));
        Assert.Equal("{}", clusterIp!["status"]!["loadBalancer"]!.ToJsonString());
    }

    [Fact]
    public async Task Endpoints_and_slices_list_the_ready_pods_a_service_selects()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Services, Service("web", "ClusterIP"));
        await cluster.CreateAsync("/apis/apps/v1/namespaces/default/statefulsets", StatefulSetControllerTests.StatefulSet("web", 2));

        var endpoints = await cluster.WaitForAsync("/api/v1/namespaces/default/endpoints/web",
            e => e["subsets"]?[0]?["addresses"] is JsonArray { Count: 2 });
        var slice = await cluster.WaitForListAsync("/apis/discovery.k8s.io/v1/namespaces/default/endpointslices",
            s => s["endpoints"] is JsonArray { Count: 2 });

        var subset = endpoints["subsets"]![0]!;
        Assert.Equal("""[{"name":"web","port":8080,"protocol":"TCP"}]""", subset["ports"]!.ToJsonString());
        Assert.Equal(["web-0", "web-1"], subset["addresses"]!.AsArray().Select(a => WorkloadCluster.Text(a!["targetRef"], "name")).Order());
        Assert.All(subset["addresses"]!.AsArray(), a => Assert.StartsWith("10.244.", WorkloadCluster.Text(a, "ip"), StringComparison.Ordinal));
        Assert.Equal("front", WorkloadCluster.Text(endpoints["metadata"]!["labels"], "tier"));
        var labels = slice["metadata"]!["labels"]!;
        Assert.Equal("web", WorkloadCluster.Text(labels, "kubernetes.io/service-name"));
        Assert.Equal("endpointslice-controller.k8s.io", WorkloadCluster.Text(labels, "endpointslice.kubernetes.io/managed-by"));
        Assert.Equal("IPv4", WorkloadCluster.Text(slice, "addressType"));
        Assert.Equal("""[{"name":"web","port":8080,"protocol":"TCP"}]""", slice["ports"]!.ToJsonString());
        Assert.All(slice["endpoints"]!.AsArray(), e => Assert.True(e!["conditions"]!["ready"]!.GetValue<bool>()));
        Assert.Equal("Service", WorkloadCluster.Text(slice["metadata"]!["ownerReferences"]![0], "kind"));
    }

    [Fact]
    public async Task Service_without_ready_pods_has_no_subsets_and_its_endpoints_go_with_it()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Services, Service("lonely", "ClusterIP", selector: "nobody", targetPort: "8080"));

        var endpoints = await cluster.WaitForAsync("/api/v1/namespaces/default/endpoints/lonely", _ => true);
        await cluster.DeleteAsync($"{Services}/lonely");
        await cluster.WaitForGoneAsync("/api/v1/namespaces/default/endpoints/lonely");

        Assert.Null(endpoints["subsets"]);
    }
}
