using Declarative.Providers.Docker.Engine;
using Declarative.Testing;

namespace Declarative.Providers.Docker.Tests.Engine;

public sealed class DockerTlsVariablesTests : IDisposable
{
    private readonly DockerHome home = new();
    private readonly TempDirectory certificates = new();

    public void Dispose()
    {
        home.Dispose();
        certificates.Dispose();
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_uses_the_three_files_in_DOCKER_CERT_PATH_and_verifies()
    {
        var (ca, cert, key) = WriteAll(certificates);

        var endpoint = Resolve(("DOCKER_HOST", "tcp://10.0.0.5:2376"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root));

        Assert.Equal(new DockerEndpoint("tcp://10.0.0.5:2376", "DOCKER_HOST", new DockerTlsMaterial(ca, cert, key, Verify: true)), endpoint);
    }

    [Fact]
    public void Any_non_empty_DOCKER_TLS_VERIFY_turns_verification_on_even_0_as_in_the_cli()
    {
        WriteAll(certificates);

        Assert.True(Resolve(("DOCKER_HOST", "tcp://h:2376"), ("DOCKER_TLS_VERIFY", "0"), ("DOCKER_CERT_PATH", certificates.Root)).Tls!.Verify);
    }

    [Fact]
    public void Without_DOCKER_CERT_PATH_the_files_come_from_the_docker_config_folder()
    {
        home.Write(".docker/ca.pem", "PEM");
        home.Write(".docker/cert.pem", "PEM");
        home.Write(".docker/key.pem", "PEM");

        var tls = Resolve(("DOCKER_HOST", "tcp://h:2376"), ("DOCKER_TLS_VERIFY", "1")).Tls;

        Assert.Equal(new DockerTlsMaterial(Path.Combine(home.ConfigDirectory, "ca.pem"), Path.Combine(home.ConfigDirectory, "cert.pem"), Path.Combine(home.ConfigDirectory, "key.pem"), true), tls);
    }

    [Fact]
    public void DOCKER_TLS_alone_is_tls_without_verification_and_without_a_ca()
    {
        var (_, cert, key) = WriteAll(certificates);

        var tls = Resolve(("DOCKER_HOST", "tcp://h:2376"), ("DOCKER_TLS", "1"), ("DOCKER_CERT_PATH", certificates.Root)).Tls;

        Assert.Equal(new DockerTlsMaterial(null, cert, key, Verify: false), tls);
    }

    [Fact]
    public void Without_cert_and_key_no_client_certificate_is_presented()
    {
        var ca = certificates.Write("ca.pem", "PEM");

        var tls = Resolve(("DOCKER_HOST", "tcp://h:2376"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root)).Tls;

        Assert.Equal(new DockerTlsMaterial(ca, null, null, Verify: true), tls);
    }

    [Fact]
    public void Verification_without_a_ca_file_says_where_it_was_looked_for()
    {
        var error = Assert.Throws<DockerConnectionException>(() =>
            Resolve(("DOCKER_HOST", "tcp://h:2376"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root)));

        Assert.Equal(
            $"DOCKER_TLS_VERIFY is set, so the engine's certificate must be checked against {Path.Combine(certificates.Root, "ca.pem")} (in DOCKER_CERT_PATH), but that file does not exist. Put the CA certificate there, set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem, or unset DOCKER_TLS_VERIFY.",
            error.Message);
    }

    [Fact]
    public void A_certificate_without_its_key_is_refused()
    {
        certificates.Write("ca.pem", "PEM");
        certificates.Write("cert.pem", "PEM");

        var error = Assert.Throws<DockerConnectionException>(() =>
            Resolve(("DOCKER_HOST", "tcp://h:2376"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root)));

        Assert.Contains($"{Path.Combine(certificates.Root, "cert.pem")} exists, but {Path.Combine(certificates.Root, "key.pem")} does not", error.Message);
    }

    [Fact]
    public void The_tls_variables_apply_to_the_environments_docker_host()
    {
        var (ca, cert, key) = WriteAll(certificates);

        var endpoint = DockerEndpointResolver.Resolve("tcp://10.0.0.5:2376",
            new Dictionary<string, string> { ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = certificates.Root }, home.Home);

        Assert.Equal(new DockerTlsMaterial(ca, cert, key, true), endpoint.Tls);
    }

    [Fact]
    public void The_tls_variables_are_ignored_for_a_unix_socket() =>
        Assert.Null(Resolve(("DOCKER_HOST", "unix:///tmp/dk/docker.sock"), ("DOCKER_TLS_VERIFY", "1")).Tls);

    [Fact]
    public void Tls_without_DOCKER_HOST_means_localhost_2376_as_in_the_cli()
    {
        var (ca, cert, key) = WriteAll(certificates);

        var endpoint = Resolve(("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root));

        Assert.Equal(new DockerEndpoint("tcp://localhost:2376", "default TLS host", new DockerTlsMaterial(ca, cert, key, true)), endpoint);
    }

    [Fact]
    public void A_tcp_host_without_a_port_keeps_2375_even_with_tls()
    {
        WriteAll(certificates);

        Assert.Equal("tcp://h:2375", Resolve(("DOCKER_HOST", "tcp://h"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certificates.Root)).Host);
    }

    private static (string Ca, string Cert, string Key) WriteAll(TempDirectory folder) =>
        (folder.Write("ca.pem", "PEM"), folder.Write("cert.pem", "PEM"), folder.Write("key.pem", "PEM"));

    private DockerEndpoint Resolve(params (string Name, string Value)[] variables) =>
        DockerEndpointResolver.Resolve(null, variables.ToDictionary(v => v.Name, v => v.Value), home.Home);
}
