using System.Net;
using Declarative.Kubernetes.ApiServer.Tests.Core;
using static Declarative.Kubernetes.ApiServer.Tests.Validation.ValidationClient;

namespace Declarative.Kubernetes.ApiServer.Tests.Validation;

/// <summary>
/// What kube-apiserver's validation refuses in the kinds users write most, worded as kubernetes
/// pkg/apis/core/validation words it (ValidateSecret's switch on the type, validateContainers and
/// validateInitContainers, validateContainerPorts with IsValidPortName, validateServicePort with IsValidPortNum)
/// and apimachinery util/validation/field (Required, Duplicate, Invalid).
/// </summary>
public sealed class KindValidationTests : IAsyncLifetime
{
    private const string Secrets = "/api/v1/namespaces/default/secrets";
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private const string Services = "/api/v1/namespaces/default/services";
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private static string Secret(string type, string data, string annotations = "{}") =>
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\",\"annotations\":" + annotations + "},\"type\":\"" + type + "\",\"data\":" + data + "}";

    private static string Deployment(string podSpec) =>
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
        + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":" + podSpec + "}}}";

    [Theory]
    [InlineData("kubernetes.io/dockerconfigjson", "{}", "data[.dockerconfigjson]: Required value")]
    [InlineData("kubernetes.io/dockercfg", "{}", "data[.dockercfg]: Required value")]
    [InlineData("kubernetes.io/basic-auth", "{}", "[data[username]: Required value, data[password]: Required value]")]
    [InlineData("kubernetes.io/ssh-auth", "{}", "data[ssh-privatekey]: Required value")]
    [InlineData("kubernetes.io/tls", "{\"tls.crt\":\"Y2VydA==\"}", "data[tls.key]: Required value")]
    [InlineData("kubernetes.io/service-account-token", "{}", "metadata.annotations[kubernetes.io/service-account.name]: Required value")]
    public async Task A_typed_secret_without_its_required_key_is_422(string type, string data, string causes)
    {
        var answer = await PostAsync(_server, Secrets, Secret(type, data));

        Assert.Equal((HttpStatusCode)422, answer.Code);
        Assert.Equal($"Secret \"s\" is invalid: {causes}", answer.Message);
    }

    [Theory]
    [InlineData("kubernetes.io/basic-auth", "{\"password\":\"\"}")]
    [InlineData("kubernetes.io/tls", "{\"tls.crt\":\"Y2VydA==\",\"tls.key\":\"a2V5\"}")]
    [InlineData("kubernetes.io/dockerconfigjson", "{\".dockerconfigjson\":\"e30=\"}")]
    [InlineData("Opaque", "{}")]
    public async Task A_typed_secret_with_its_keys_is_created(string type, string data)
    {
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_server, Secrets, Secret(type, data))).Code);
    }

    [Fact]
    public async Task Container_names_are_unique_across_containers_and_init_containers()
    {
        var answer = await PostAsync(_server, Deployments, Deployment(
            """{"initContainers":[{"name":"web","image":"busybox"}],"containers":[{"name":"web","image":"nginx"},{"name":"web","image":"nginx"}]}"""));

        Assert.Equal((HttpStatusCode)422, answer.Code);
        Assert.Equal(
            "Deployment.apps \"web\" is invalid: [spec.template.spec.containers[1].name: Duplicate value: \"web\", spec.template.spec.initContainers[0].name: Duplicate value: \"web\"]",
            answer.Message);
    }

    [Fact]
    public async Task Port_names_are_unique_within_a_container_and_each_port_needs_a_container_port()
    {
        var answer = await PostAsync(_server, Deployments, Deployment(
            """{"containers":[{"name":"web","image":"nginx","ports":[{"name":"http","containerPort":80},{"name":"http","containerPort":8080},{"name":"admin"}]}]}"""));

        Assert.Equal(
            "Deployment.apps \"web\" is invalid: [spec.template.spec.containers[0].ports[1].name: Duplicate value: \"http\", spec.template.spec.containers[0].ports[2].containerPort: Required value]",
            answer.Message);
    }

    [Fact]
    public async Task Container_and_port_names_follow_their_syntax()
    {
        var answer = await PostAsync(_server, Deployments, Deployment(
            """{"containers":[{"name":"Web_1","image":"nginx","ports":[{"name":"http--alt","containerPort":80}]}]}"""));

        Assert.Contains("spec.template.spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of", answer.Message, StringComparison.Ordinal);
        Assert.Contains("spec.template.spec.containers[0].ports[0].name: Invalid value: \"http--alt\": must not contain consecutive hyphens (--)", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_port_without_port_is_invalid_and_so_is_the_target_port_defaulted_from_it()
    {
        var answer = await PostAsync(_server, Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"protocol":"TCP"}]}}""");

        Assert.Equal((HttpStatusCode)422, answer.Code);
        Assert.Equal(
            "Service \"web\" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]",
            answer.Message);
    }

    [Fact]
    public async Task Several_service_ports_need_names()
    {
        var answer = await PostAsync(_server, Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"ports":[{"port":80},{"name":"https","port":443}]}}""");

        Assert.Equal("Service \"web\" is invalid: spec.ports[0].name: Required value", answer.Message);
    }
}
