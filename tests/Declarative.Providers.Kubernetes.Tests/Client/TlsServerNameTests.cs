using System.Text;
using Declarative.Kubernetes.ApiServer;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Tests.Client;

/// <summary>tls-server-name against a double whose certificate names only "kubernetes.test", reached at
/// https://127.0.0.1:PORT: the name is checked and sent as SNI instead of the URL's host.</summary>
public sealed class TlsServerNameTests : IAsyncLifetime
{
    private const string CertificateName = "kubernetes.test";

    private DoubleHarness _double = null!;

    public async Task InitializeAsync() =>
        _double = await DoubleHarness.StartAsync(new ApiServerOptions { RunControllers = false, ServingNames = [CertificateName] });

    public async Task DisposeAsync() => await _double.DisposeAsync();

    private string Yaml(string? tlsServerName) => $"""
        apiVersion: v1
        kind: Config
        current-context: double
        clusters:
        - name: double
          cluster:
            server: {_double.Host.Server}
            certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(_double.Host.CaCertificatePem))}
        {(tlsServerName is null ? string.Empty : "    tls-server-name: " + tlsServerName)}
        users:
        - name: double
          user:
            token: {_double.Host.Token}
        contexts:
        - name: double
          context: {"{"}cluster: double, user: double{"}"}
        """;

    private async Task<bool> ReachesAsync(string yaml)
    {
        using var client = _double.Client(yaml);
        var resource = await client.ResolveAsync("v1", "Namespace", CancellationToken.None);
        return await client.GetAsync(resource, null, "default", CancellationToken.None) is not null;
    }

    [Fact]
    public async Task The_certificate_is_checked_against_tls_server_name_and_that_name_is_sent_as_SNI()
    {
        Assert.True(await ReachesAsync(Yaml(CertificateName)));

        Assert.NotEmpty(_double.Host.State.Requests.ServerNames);
        Assert.All(_double.Host.State.Requests.ServerNames, name => Assert.Equal(CertificateName, name));
    }

    [Fact]
    public async Task Without_tls_server_name_the_URL_host_does_not_match_and_the_error_names_both()
    {
        var error = await Assert.ThrowsAsync<KubeApiException>(() => ReachesAsync(Yaml(null)));

        Assert.Contains(
            $"The server's certificate is valid for \"{CertificateName}\", not for \"127.0.0.1\" (the server URL's host). Set tls-server-name",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains(_double.Host.Server, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_tls_server_name_is_refused()
    {
        var error = await Assert.ThrowsAsync<KubeApiException>(() => ReachesAsync(Yaml("api.example.test")));

        Assert.Contains(
            $"The server's certificate is valid for \"{CertificateName}\", not for \"api.example.test\" (the cluster's tls-server-name)",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_agrees_that_tls_server_name_makes_the_certificate_valid()
    {
        // The behaviour is kubectl's: the same kubeconfig works with it, and fails without tls-server-name.
        var path = _double.Temp.Write("kubectl-config", Yaml(CertificateName));
        var (code, output) = await Kubectl.RunAsync(path, "get", "namespace", "default", "-o", "name");
        Assert.True(code == 0, output);
        Assert.Contains("namespace/default", output, StringComparison.Ordinal);

        var without = _double.Temp.Write("kubectl-config-without", Yaml(null));
        var (failed, message) = await Kubectl.RunAsync(without, "get", "namespace", "default");
        Assert.NotEqual(0, failed);
        Assert.Contains("127.0.0.1", message, StringComparison.Ordinal);
    }
}
