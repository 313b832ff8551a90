using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Tests.Client;

public sealed class KubeAuthTests : IAsyncLifetime
{
    private DoubleHarness _double = null!;

    public async Task InitializeAsync() => _double = await DoubleHarness.StartAsync();

    public async Task DisposeAsync() => await _double.DisposeAsync();

    private string Yaml(string userYaml, string? clusterYaml = null) => $"""
        apiVersion: v1
        kind: Config
        current-context: double
        clusters:
        - name: double
          cluster:
            server: {_double.Host.Server}
        {clusterYaml ?? "    certificate-authority-data: " + Base64(_double.Host.CaCertificatePem)}
        users:
        - name: double
          user:
        {userYaml}
        contexts:
        - name: double
          context: {"{"}cluster: double, user: double{"}"}
        """;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    private async Task<bool> ReachesAsync(string yaml)
    {
        using var client = _double.Client(yaml);
        var resource = await client.ResolveAsync("v1", "Namespace", CancellationToken.None);
        return await client.GetAsync(resource, null, "default", CancellationToken.None) is not null;
    }

    [Fact]
    public async Task A_static_token_reaches_the_server() =>
        Assert.True(await ReachesAsync(_double.Host.KubeconfigYaml()));

    [Fact]
    public async Task A_token_file_is_read_for_the_bearer_token()
    {
        var tokenFile = _double.Temp.Write("token", _double.Host.Token + "\n");
        Assert.True(await ReachesAsync(Yaml($"    tokenFile: {tokenFile}")));
    }

    [Fact]
    public async Task An_EC_client_certificate_from_the_servers_CA_is_accepted()
    {
        var certificate = _double.Host.IssueClientCertificate("alice");
        Assert.True(await ReachesAsync(_double.Host.KubeconfigYaml(certificate)));
    }

    [Fact]
    public async Task An_RSA_client_certificate_from_a_foreign_CA_is_loaded_and_refused_as_unauthorized()
    {
        var (certificatePem, keyPem) = ForeignRsaClientCertificate();
        var yaml = Yaml($"    client-certificate-data: {Base64(certificatePem)}\n    client-key-data: {Base64(keyPem)}");

        var error = await Assert.ThrowsAsync<KubeApiException>(() => ReachesAsync(yaml));

        Assert.Equal("Unauthorized", error.Reason);
        Assert.Contains("refresh the token or certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_authority_file_works_like_certificate_authority_data()
    {
        var caFile = _double.Temp.Write("ca.crt", _double.Host.CaCertificatePem);
        Assert.True(await ReachesAsync(Yaml($"    token: {_double.Host.Token}", $"    certificate-authority: {caFile}")));
    }

    [Fact]
    public async Task Insecure_skip_tls_verify_connects_without_a_CA()
    {
        Assert.True(await ReachesAsync(Yaml($"    token: {_double.Host.Token}", "    insecure-skip-tls-verify: true")));
    }

    [Fact]
    public async Task A_server_certificate_from_another_CA_fails_with_a_TLS_message()
    {
        var (otherCa, _) = ForeignRsaClientCertificate();
        var yaml = Yaml($"    token: {_double.Host.Token}", $"    certificate-authority-data: {Base64(otherCa)}");

        var error = await Assert.ThrowsAsync<KubeApiException>(() => ReachesAsync(yaml));

        Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
        Assert.Contains(_double.Host.Server, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_in_the_error()
    {
        var yaml = _double.Host.KubeconfigYaml().Replace(_double.Host.Server, "https://127.0.0.1:1", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => ReachesAsync(yaml));

        Assert.Contains("https://127.0.0.1:1/", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_token_is_unauthorized()
    {
        var error = await Assert.ThrowsAsync<KubeApiException>(() => ReachesAsync(Yaml("    token: wrong")));
        Assert.Equal(401, error.Code);
    }

    private static (string CertificatePem, string KeyPem) ForeignRsaClientCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mallory", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        return (certificate.ExportCertificatePem(), key.ExportRSAPrivateKeyPem());
    }
}
