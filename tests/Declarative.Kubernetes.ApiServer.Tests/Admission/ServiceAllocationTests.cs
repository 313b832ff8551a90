using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

public sealed class ServiceAllocationTests
{
    [Fact]
    public void A_ClusterIP_Service_reads_back_as_a_real_server_stores_it()
    {
        var created = Chain().Create(Services, Service());

        AssertJson(
            Json("""
                {'apiVersion':'v1','kind':'Service','metadata':{'name':'web','namespace':'default'},
                 'spec':{'selector':{'app':'web'},'ports':[{'port':80,'protocol':'TCP','targetPort':80}],'type':'ClusterIP',
                         'sessionAffinity':'None','internalTrafficPolicy':'Cluster','clusterIP':'10.96.0.10','clusterIPs':['10.96.0.10'],
                         'ipFamilyPolicy':'SingleStack','ipFamilies':['IPv4']},
                 'status':{'loadBalancer':{}}}
                """),
            created);
    }

    [Fact]
    public void Every_Service_gets_its_own_address()
    {
        var harness = Chain();

        var ips = Enumerable.Range(0, 5).Select(i => ClusterIp(harness.Create(Services, Service($"s{i}")))).ToList();

        Assert.Equal(5, ips.Distinct().Count());
        Assert.All(ips, ip => Assert.StartsWith("10.96.", ip, StringComparison.Ordinal));
    }

    [Fact]
    public void A_headless_Service_stays_headless()
    {
        var created = Chain().Create(Services, Service(body: "'clusterIP':'None','ports':[{'port':5432}]"));

        Assert.Equal("None", ClusterIp(created));
        AssertJson(new JsonArray("None"), created["spec"]!["clusterIPs"]!);
        Assert.Equal("SingleStack", created["spec"]!["ipFamilyPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void NodePort_and_LoadBalancer_ports_get_node_ports_in_range()
    {
        var harness = Chain();
        var nodePort = harness.Create(Services, Service("a", "'type':'NodePort','ports':[{'name':'http','port':80},{'name':'https','port':443}]"));
        var balancer = harness.Create(Services, Service("b", "'type':'LoadBalancer','externalTrafficPolicy':'Local','ports':[{'port':80}]"));

        var ports = NodePorts(nodePort).Concat(NodePorts(balancer)).Append(balancer["spec"]!["healthCheckNodePort"]!.GetValue<int>()).ToList();

        Assert.Equal(4, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 30000, 32767));
        Assert.Equal("Cluster", nodePort["spec"]!["externalTrafficPolicy"]!.GetValue<string>());
        Assert.True(balancer["spec"]!["allocateLoadBalancerNodePorts"]!.GetValue<bool>());
    }

    [Fact]
    public void A_cluster_IP_already_in_use_is_rejected()
    {
        var harness = Chain();
        harness.Create(Services, Service("a", "'clusterIP':'10.96.0.50','ports':[{'port':80}]"));

        var status = Rejected(() => harness.Create(Services, Service("b", "'clusterIP':'10.96.0.50','ports':[{'port':80}]")));

        var cause = OnlyCause(status);
        Assert.Equal("spec.clusterIPs", cause["field"]!.GetValue<string>());
        Assert.Equal("Invalid value: [\"10.96.0.50\"]: failed to allocate IP 10.96.0.50: provided IP is already allocated", cause["message"]!.GetValue<string>());
        Assert.Equal("Service", status["details"]!["kind"]!.GetValue<string>());
        Assert.Equal("b", status["details"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_node_port_already_in_use_is_rejected_and_the_failed_create_holds_nothing()
    {
        var harness = Chain();
        harness.Create(Services, Service("a", "'type':'NodePort','ports':[{'port':80,'nodePort':30080}]"));

        var status = Rejected(() => harness.Create(Services, Service("b", "'type':'NodePort','clusterIP':'10.96.0.77','ports':[{'port':80,'nodePort':30080}]")));

        Assert.Equal("Invalid value: 30080: provided port is already allocated", OnlyCause(status)["message"]!.GetValue<string>());
        Assert.Equal("spec.ports[0].nodePort", OnlyCause(status)["field"]!.GetValue<string>());
        Assert.Equal("10.96.0.77", ClusterIp(harness.Create(Services, Service("c", "'clusterIP':'10.96.0.77','ports':[{'port':80}]"))));
    }

    [Fact]
    public void An_update_that_omits_the_allocations_keeps_them()
    {
        var harness = Chain();
        var created = harness.Create(Services, Service(body: "'type':'NodePort','ports':[{'name':'http','port':80}]"));

        var updated = harness.Update(Services, created, body =>
        {
            body["spec"] = Json("{'type':'NodePort','selector':{'app':'web'},'ports':[{'name':'http','port':8080}]}");
        });

        Assert.Equal(ClusterIp(created), ClusterIp(updated));
        Assert.Equal(NodePorts(created), NodePorts(updated));
    }

    [Fact]
    public void Changing_the_cluster_IP_is_rejected()
    {
        var harness = Chain();
        var created = harness.Create(Services, Service());

        var status = Rejected(() => harness.Update(Services, created, body =>
        {
            body["spec"]!["clusterIP"] = "10.96.0.99";
            body["spec"]!.AsObject().Remove("clusterIPs");
        }));

        Assert.Equal("spec.clusterIPs[0]", OnlyCause(status)["field"]!.GetValue<string>());
        Assert.Equal("Invalid value: [\"10.96.0.99\"]: may not change once set", OnlyCause(status)["message"]!.GetValue<string>());
    }

    [Fact]
    public void Deleting_a_Service_frees_its_address_and_ports()
    {
        var harness = Chain();
        var first = harness.Create(Services, Service("a", "'type':'NodePort','clusterIP':'10.96.0.60','ports':[{'port':80,'nodePort':30090}]"));

        harness.Chain.Release(Services, first);
        var again = harness.Create(Services, Service("b", "'type':'NodePort','clusterIP':'10.96.0.60','ports':[{'port':80,'nodePort':30090}]"));

        Assert.Equal("10.96.0.60", ClusterIp(again));
        Assert.Equal([30090], NodePorts(again));
    }

    [Fact]
    public void A_dry_run_answers_an_address_but_holds_none()
    {
        var harness = Chain();

        var dry = harness.Chain.PrepareForCreate(Services, Service("a"), dryRun: true);
        var real = harness.Create(Services, Service("b", "'clusterIP':'" + ClusterIp(dry) + "','ports':[{'port':80}]"));

        Assert.Equal(ClusterIp(dry), ClusterIp(real));
    }

    [Fact]
    public void Turning_a_NodePort_Service_into_ClusterIP_drops_and_frees_its_node_ports()
    {
        var harness = Chain();
        var created = harness.Create(Services, Service(body: "'type':'NodePort','ports':[{'port':80,'nodePort':30100}]"));

        var updated = harness.Update(Services, created, body => body["spec"]!["type"] = "ClusterIP");
        var reuse = harness.Create(Services, Service("other", "'type':'NodePort','ports':[{'port':80,'nodePort':30100}]"));

        Assert.Null(updated["spec"]!["ports"]![0]!["nodePort"]);
        Assert.Equal([30100], NodePorts(reuse));
    }

    [Fact]
    public void Concurrent_creates_never_share_an_address_or_a_port()
    {
        var harness = Chain();

        var created = Enumerable.Range(0, 200).AsParallel()
            .Select(i => harness.Create(Services, Service($"s{i}", "'type':'NodePort','ports':[{'port':80}]"))).ToList();

        Assert.Equal(200, created.Select(ClusterIp).Distinct().Count());
        Assert.Equal(200, created.SelectMany(NodePorts).Distinct().Count());
    }

    private static string ClusterIp(JsonObject service) => service["spec"]!["clusterIP"]!.GetValue<string>();

    private static List<int> NodePorts(JsonObject service) =>
        [.. service["spec"]!["ports"]!.AsArray().Select(p => p!["nodePort"]!.GetValue<int>())];
}
