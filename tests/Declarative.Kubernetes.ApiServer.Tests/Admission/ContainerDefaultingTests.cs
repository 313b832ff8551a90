using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

public sealed class ContainerDefaultingTests
{
    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("registry.local:5000/team/nginx", "Always")]
    [InlineData("nginx:1.27", "IfNotPresent")]
    [InlineData("registry.local:5000/team/nginx:1.27", "IfNotPresent")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent")]
    [InlineData("nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "Always")]
    public void Image_pull_policy_follows_the_tag_rule(string image, string expected)
    {
        var created = CreateWithContainer($"{{'name':'c','image':'{image}'}}");

        Assert.Equal(expected, Container(created)["imagePullPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Probes_get_their_timing_and_http_defaults()
    {
        var created = CreateWithContainer("{'name':'c','image':'nginx:1','livenessProbe':{'httpGet':{'port':8080}},'readinessProbe':{'tcpSocket':{'port':80},'periodSeconds':5}}");

        AssertJson(
            Json("{'httpGet':{'port':8080,'path':'/','scheme':'HTTP'},'timeoutSeconds':1,'periodSeconds':10,'successThreshold':1,'failureThreshold':3}"),
            Container(created)["livenessProbe"]!);
        AssertJson(
            Json("{'tcpSocket':{'port':80},'periodSeconds':5,'timeoutSeconds':1,'successThreshold':1,'failureThreshold':3}"),
            Container(created)["readinessProbe"]!);
    }

    [Fact]
    public void Container_ports_default_to_TCP_and_env_field_refs_to_v1()
    {
        var created = CreateWithContainer("{'name':'c','image':'nginx:1','ports':[{'containerPort':80},{'containerPort':53,'protocol':'UDP'}],'env':[{'name':'POD','valueFrom':{'fieldRef':{'fieldPath':'metadata.name'}}}]}");

        var ports = Container(created)["ports"]!.AsArray();
        Assert.Equal("TCP", ports[0]!["protocol"]!.GetValue<string>());
        Assert.Equal("UDP", ports[1]!["protocol"]!.GetValue<string>());
        Assert.Equal("v1", Container(created)["env"]![0]!["valueFrom"]!["fieldRef"]!["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Init_containers_are_defaulted_like_containers()
    {
        var body = Deployment();
        body["spec"]!["template"]!["spec"]!["initContainers"] = new JsonArray(Json("{'name':'init','image':'busybox'}"));

        var created = Chain().Create(Deployments, body);

        var init = created["spec"]!["template"]!["spec"]!["initContainers"]![0]!;
        Assert.Equal("Always", init["imagePullPolicy"]!.GetValue<string>());
        Assert.Equal("/dev/termination-log", init["terminationMessagePath"]!.GetValue<string>());
    }

    [Fact]
    public void Mounted_volumes_get_mode_420_and_an_empty_source_becomes_emptyDir()
    {
        var body = Deployment();
        body["spec"]!["template"]!["spec"]!["volumes"] = JsonNode.Parse("""
            [{"name":"s","secret":{"secretName":"x"}},{"name":"c","configMap":{"name":"x","defaultMode":256}},
             {"name":"p","projected":{"sources":[]}},{"name":"d","downwardAPI":{}},{"name":"scratch"},
             {"name":"h","hostPath":{"path":"/data"}}]
            """);

        var volumes = Chain().Create(Deployments, body)["spec"]!["template"]!["spec"]!["volumes"]!.AsArray();

        Assert.Equal(420, volumes[0]!["secret"]!["defaultMode"]!.GetValue<int>());
        Assert.Equal(256, volumes[1]!["configMap"]!["defaultMode"]!.GetValue<int>());
        Assert.Equal(420, volumes[2]!["projected"]!["defaultMode"]!.GetValue<int>());
        Assert.Equal(420, volumes[3]!["downwardAPI"]!["defaultMode"]!.GetValue<int>());
        AssertJson(Json("{'name':'scratch','emptyDir':{}}"), volumes[4]!);
        Assert.Equal(string.Empty, volumes[5]!["hostPath"]!["type"]!.GetValue<string>());
    }

    private static JsonObject CreateWithContainer(string container)
    {
        var body = Deployment();
        body["spec"]!["template"]!["spec"]!["containers"] = new JsonArray(Json(container));
        return Chain().Create(Deployments, body);
    }

    private static JsonNode Container(JsonObject deployment) => deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
}
