using Declarative.Providers.Docker.Engine;

namespace Declarative.Providers.Docker.Tests.Engine;

public sealed class DockerEndpointResolverTests : IDisposable
{
    private readonly DockerHome home = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public void Nothing_set_gives_the_default_socket()
    {
        var endpoint = Resolve(null);

        Assert.Equal(new DockerEndpoint("unix:///var/run/docker.sock", "default socket"), endpoint);
    }

    [Fact]
    public void Without_a_home_or_config_folder_the_default_socket_is_still_found() =>
        Assert.Equal("unix:///var/run/docker.sock", DockerEndpointResolver.Resolve(null, new Dictionary<string, string>(), string.Empty).Host);

    [Fact]
    public void The_environments_docker_host_wins_over_every_variable()
    {
        home.Context("ci", "tcp://10.0.0.5:2376");

        var endpoint = Resolve("unix:///srv/docker.sock", ("DOCKER_HOST", "tcp://1.2.3.4:2375"), ("DOCKER_CONTEXT", "ci"));

        Assert.Equal(new DockerEndpoint("unix:///srv/docker.sock", "environment docker.host"), endpoint);
    }

    [Fact]
    public void DOCKER_HOST_wins_over_DOCKER_CONTEXT_as_in_the_cli_code()
    {
        home.Context("ci", "tcp://10.0.0.5:2376");

        var endpoint = Resolve(null, ("DOCKER_HOST", "tcp://1.2.3.4:2375"), ("DOCKER_CONTEXT", "ci"));

        Assert.Equal(new DockerEndpoint("tcp://1.2.3.4:2375", "DOCKER_HOST"), endpoint);
    }

    [Fact]
    public void A_blank_docker_host_in_the_environment_counts_as_unset() =>
        Assert.Equal("DOCKER_HOST", Resolve("  ", ("DOCKER_HOST", "tcp://1.2.3.4:2375")).Source);

    [Fact]
    public void Empty_variables_count_as_unset()
    {
        var endpoint = Resolve(null, ("DOCKER_HOST", ""), ("DOCKER_CONTEXT", ""), ("DOCKER_TLS_VERIFY", ""), ("DOCKER_API_VERSION", ""));

        Assert.Equal(new DockerEndpoint("unix:///var/run/docker.sock", "default socket"), endpoint);
    }

    [Theory]
    [InlineData("tcp://1.2.3.4", "tcp://1.2.3.4:2375")]
    [InlineData("tcp://1.2.3.4:2376", "tcp://1.2.3.4:2376")]
    [InlineData("1.2.3.4:2376", "tcp://1.2.3.4:2376")]
    [InlineData("docker.example.com", "tcp://docker.example.com:2375")]
    [InlineData("tcp://", "tcp://localhost:2375")]
    [InlineData("tcp://:2376", "tcp://localhost:2376")]
    [InlineData("tcp://[::1]:2376", "tcp://[::1]:2376")]
    [InlineData("tcp://[::1]", "tcp://[::1]:2375")]
    [InlineData("tcp://host:2376/", "tcp://host:2376")]
    [InlineData("TCP://host:2376", "tcp://host:2376")]
    [InlineData("unix:///run/user/1000/docker.sock", "unix:///run/user/1000/docker.sock")]
    [InlineData("unix://", "unix:///var/run/docker.sock")]
    [InlineData("  unix:///tmp/dk/docker.sock  ", "unix:///tmp/dk/docker.sock")]
    public void Host_forms_are_normalized_as_the_cli_does(string written, string expected)
    {
        Assert.Equal(expected, Resolve(null, ("DOCKER_HOST", written)).Host);
        Assert.Equal(expected, Resolve(written).Host);
    }

    [Theory]
    [InlineData("npipe:////./pipe/docker_engine", "npipe:// is a Windows named pipe")]
    [InlineData("ssh://me@build-box", "ssh:// hosts are not supported yet")]
    [InlineData("http://1.2.3.4:2375", "Write tcp://host:port")]
    [InlineData("fd://", "only the Docker daemon")]
    [InlineData("gopher://host", "the scheme gopher:// is not one Docker knows")]
    [InlineData("tcp://host:http", "the port \"http\" is not a number from 1 to 65535")]
    [InlineData("tcp://host:70000", "the port \"70000\" is not a number")]
    [InlineData("tcp://host:2375/v1.41", "a path after the address (/v1.41) is not supported")]
    [InlineData("tcp://host:2375?tls=1", "query or fragment")]
    [InlineData("tcp://::1:2375", "an IPv6 address needs brackets")]
    [InlineData("tcp://[::1:2375", "IPv6 address is not closed")]
    [InlineData("unix://docker.sock", "a unix socket needs an absolute path")]
    [InlineData("/var/run/docker.sock", "Write the socket as unix:///var/run/docker.sock")]
    public void Unusable_hosts_are_refused_with_the_variable_the_value_and_the_way_out(string written, string problem)
    {
        var fromVariable = Assert.Throws<DockerConnectionException>(() => Resolve(null, ("DOCKER_HOST", written)));
        var fromEnvironment = Assert.Throws<DockerConnectionException>(() => Resolve(written));

        Assert.StartsWith($"DOCKER_HOST is \"{written.Trim()}\": ", fromVariable.Message);
        Assert.Contains(problem, fromVariable.Message);
        Assert.StartsWith($"The environment's docker.host in declarative.yaml is \"{written.Trim()}\": ", fromEnvironment.Message);
    }

    [Fact]
    public void A_password_in_a_host_never_reaches_the_message()
    {
        var error = Assert.Throws<DockerConnectionException>(() => Resolve(null, ("DOCKER_HOST", "tcp://admin:hunter2@host:2375")));

        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Contains("tcp://admin:***@host:2375", error.Message);
    }

    [Theory]
    [InlineData("1.41", 1, 41)]
    [InlineData("1.40", 1, 40)]
    [InlineData(" 1.44 ", 1, 44)]
    public void DOCKER_API_VERSION_pins_the_version(string value, int major, int minor)
    {
        Assert.Equal(new Version(major, minor), Resolve(null, ("DOCKER_API_VERSION", value)).PinnedApiVersion);
        Assert.Equal(new Version(major, minor), Resolve("tcp://h:1", ("DOCKER_API_VERSION", value)).PinnedApiVersion);
    }

    [Fact]
    public void Without_DOCKER_API_VERSION_nothing_is_pinned() => Assert.Null(Resolve(null).PinnedApiVersion);

    [Theory]
    [InlineData("latest")]
    [InlineData("1")]
    [InlineData("v1.41")]
    [InlineData("1.41.0")]
    public void A_malformed_DOCKER_API_VERSION_is_refused(string value)
    {
        var error = Assert.Throws<DockerConnectionException>(() => Resolve(null, ("DOCKER_API_VERSION", value)));

        Assert.Equal(
            $"DOCKER_API_VERSION is \"{value}\", which is not an API version like 1.41. Fix it, or unset it to let Declarative use the newest version the engine supports.",
            error.Message);
    }

    [Fact]
    public void An_endpoint_prints_its_host_and_source() =>
        Assert.Equal("tcp://1.2.3.4:2375 (from DOCKER_HOST)", Resolve(null, ("DOCKER_HOST", "1.2.3.4")).ToString());

    private DockerEndpoint Resolve(string? environmentHost, params (string Name, string Value)[] variables) =>
        DockerEndpointResolver.Resolve(environmentHost, variables.ToDictionary(v => v.Name, v => v.Value), home.Home);
}
