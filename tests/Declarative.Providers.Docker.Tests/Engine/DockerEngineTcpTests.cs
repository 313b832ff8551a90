using Declarative.Providers.Docker.Engine;
using Declarative.Testing;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Tests.Engine;

/// <summary>tcp:// engines, plain and TLS, made by forwarding a loopback port to the test engine.</summary>
public sealed class DockerEngineTcpTests : IDisposable
{
    private readonly TestPki pki = TestPki.Create();
    private readonly TempDirectory certificates = new();

    public DockerEngineTcpTests() => pki.WriteClientFiles(certificates.Root);

    public void Dispose()
    {
        pki.Dispose();
        certificates.Dispose();
    }

    [EngineFact]
    public async Task A_tcp_engine_is_reached_over_plain_http()
    {
        await using var proxy = new EngineProxy(new Uri(TestEngine.Endpoint().Host));

        using var engine = await Connect(("DOCKER_HOST", $"tcp://127.0.0.1:{proxy.Port}"));
        var version = await engine.Client.System.GetVersionAsync(CancellationToken.None);

        Assert.Equal(version.APIVersion, engine.ApiVersion.ToString());
        Assert.Equal($"tcp://127.0.0.1:{proxy.Port}", engine.Address);
    }

    [EngineFact]
    public async Task A_tls_engine_is_reached_with_the_ca_and_client_certificate_of_DOCKER_CERT_PATH()
    {
        await using var proxy = new EngineProxy(new Uri(TestEngine.Endpoint().Host), pki, requireClientCertificate: true);

        using var engine = await Connect(("DOCKER_HOST", $"tcp://localhost:{proxy.Port}"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root));
        var containers = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, CancellationToken.None);

        Assert.NotNull(containers);
        Assert.Equal($"tcp://localhost:{proxy.Port} (TLS)", engine.Address);
        Assert.True(proxy.ClientCertificates >= 2, "both the probe and the client should present the client certificate");
    }

    [EngineFact]
    public async Task DOCKER_TLS_without_verification_accepts_a_certificate_from_an_unknown_ca()
    {
        await using var proxy = new EngineProxy(new Uri(TestEngine.Endpoint().Host), pki);
        File.Delete(certificates.PathOf("ca.pem"));

        using var engine = await Connect(("DOCKER_HOST", $"tcp://127.0.0.1:{proxy.Port}"), ("DOCKER_TLS", "1"), ("DOCKER_CERT_PATH", certificates.Root));

        Assert.NotNull(await engine.Client.System.GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_engine_certificate_from_another_ca_is_refused_at_connect()
    {
        await using var proxy = new EngineProxy(new Uri("unix:///nonexistent.sock"), pki);
        using var otherPki = TestPki.Create();
        using var otherCertificates = new TempDirectory();
        otherPki.WriteClientFiles(otherCertificates.Root);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() =>
            Connect(("DOCKER_HOST", $"tcp://localhost:{proxy.Port}"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", otherCertificates.Root)));

        Assert.StartsWith($"Cannot reach the Docker engine at tcp://localhost:{proxy.Port} (from DOCKER_HOST): the TLS handshake failed (", error.Message);
        Assert.EndsWith("Check the CA and client certificate (DOCKER_CERT_PATH, or the context's TLS files) and that the address is the name in the engine's certificate.", error.Message);
    }

    [Fact]
    public async Task An_address_that_is_not_the_name_in_the_engines_certificate_is_refused()
    {
        await using var proxy = new EngineProxy(new Uri("unix:///nonexistent.sock"), pki);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() =>
            Connect(("DOCKER_HOST", $"tcp://127.0.0.1:{proxy.Port}"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root)));

        Assert.Contains("the TLS handshake failed", error.Message);
    }

    [Fact]
    public async Task Plain_http_to_a_tls_port_hints_at_the_tls_settings()
    {
        await using var proxy = new EngineProxy(new Uri("unix:///nonexistent.sock"), pki);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => Connect(("DOCKER_HOST", $"tcp://localhost:{proxy.Port}")));

        Assert.Contains("an engine that expects TLS drops plain HTTP like this", error.Message);
    }

    [Fact]
    public async Task A_client_key_that_is_not_pem_is_named_at_connect()
    {
        var key = certificates.Write("key.pem", "not a key");

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() =>
            Connect(("DOCKER_HOST", "tcp://localhost:1"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root)));

        Assert.StartsWith($"The client certificate {certificates.PathOf("cert.pem")} with key {key} for the Docker engine at tcp://localhost:1 (from DOCKER_HOST) cannot be loaded: ", error.Message);
    }

    private static Task<DockerEngine> Connect(params (string Name, string Value)[] variables) =>
        DockerEngine.ConnectAsync(
            DockerEndpointResolver.Resolve(null, variables.ToDictionary(v => v.Name, v => v.Value), string.Empty),
            CancellationToken.None);
}
