using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer.Tests.Host;

public sealed class HttpsAndAuthenticationTests
{
    private const string UnauthorizedBody =
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}\n";

    [Fact]
    public async Task Serves_https_on_loopback_with_a_certificate_for_127_0_0_1_and_localhost_signed_by_its_ca()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var ca = X509Certificate2.CreateFromPem(host.CaCertificatePem);
        X509Certificate2? served = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            served = new X509Certificate2(certificate!);
            return served.Issuer == ca.Subject;
        };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync("/version");

        Assert.Equal("https", host.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ca.Subject, served!.Issuer);
        Assert.True(served.MatchesHostname("127.0.0.1"));
        Assert.True(served.MatchesHostname("localhost"));
    }

    [Fact]
    public async Task Refuses_the_handshake_of_a_client_that_does_not_trust_its_ca()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/version"));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task Answers_401_with_the_Unauthorized_Status_without_credentials()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateAnonymousClient();

        using var response = await client.GetAsync("/api/v1/namespaces");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(UnauthorizedBody, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_401_to_a_wrong_bearer_token()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-" + host.Token);

        using var response = await client.GetAsync("/version");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Accepts_the_bearer_token()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        var version = await HostTestSupport.GetJsonAsync(client, "/version");

        Assert.Equal("v1.32.0", version["gitVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accepts_a_client_certificate_signed_by_its_ca()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient(host.IssueClientCertificate("alice"));

        using var response = await client.GetAsync("/version");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Refuses_a_client_certificate_signed_by_another_ca()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var stranger = CertificateAuthority.Create("someone-else", TimeProvider.System);
        using var client = host.CreateClient(stranger.IssueClientCertificate("mallory", ["system:masters"]));

        using var response = await client.GetAsync("/version");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Sends_audit_id_cache_control_and_flow_control_headers_like_a_real_server()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        using var first = await client.GetAsync("/api/v1");
        using var second = await client.GetAsync("/api/v1");

        Assert.True(Guid.TryParse(first.Headers.GetValues("Audit-Id").Single(), out _));
        Assert.NotEqual(first.Headers.GetValues("Audit-Id").Single(), second.Headers.GetValues("Audit-Id").Single());
        Assert.Equal("no-cache, private", first.Headers.CacheControl!.ToString());
        Assert.True(first.Headers.Contains("X-Kubernetes-PF-FlowSchema-UID"));
        Assert.True(first.Headers.Contains("X-Kubernetes-PF-PriorityLevel-UID"));
    }

    [Fact]
    public async Task Answers_an_unknown_path_with_the_plain_text_404()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("404 page not found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_health_endpoints_with_ok()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        foreach (var path in new[] { "/healthz", "/readyz", "/livez" })
        {
            Assert.Equal("ok", await client.GetStringAsync(path));
        }
    }

    [Fact]
    public async Task Writes_a_kubeconfig_with_the_ca_data_server_token_and_current_context()
    {
        await using var host = await HostTestSupport.StartAsync();

        var yaml = host.KubeconfigYaml(ns: "team-a");

        var caData = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(host.CaCertificatePem));
        Assert.Contains($"    certificate-authority-data: {caData}\n", yaml, StringComparison.Ordinal);
        Assert.Contains($"    server: https://127.0.0.1:{host.BaseAddress.Port}\n", yaml, StringComparison.Ordinal);
        Assert.Contains($"    token: \"{host.Token}\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    namespace: team-a\n", yaml, StringComparison.Ordinal);
        Assert.EndsWith("current-context: double\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serves_a_certificate_that_validates_against_the_ca_pem_alone()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var ca = X509Certificate2.CreateFromPem(host.CaCertificatePem);
        var errors = SslPolicyErrors.None;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, policyErrors) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            errors = policyErrors & SslPolicyErrors.RemoteCertificateNameMismatch;
            return chain.Build(new X509Certificate2(certificate!));
        };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync("/version");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(SslPolicyErrors.None, errors);
    }
}
