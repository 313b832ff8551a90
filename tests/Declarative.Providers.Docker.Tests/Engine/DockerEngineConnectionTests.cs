using System.Diagnostics;
using System.Net;
using Declarative.Providers.Docker.Engine;
using Declarative.Testing;
using Docker.DotNet;
using Docker.DotNet.Models;
using Version = System.Version;

namespace Declarative.Providers.Docker.Tests.Engine;

public sealed class DockerEngineConnectionTests
{
    private const string DaemonAdvice = "Is the Docker daemon running? Set DOCKER_HOST or the environment's docker.host in declarative.yaml.";

    [EngineFact]
    public async Task Connecting_speaks_the_engines_newest_api_version_and_calls_work()
    {
        using var engine = await TestEngine.ConnectAsync();

        var version = await engine.Client.System.GetVersionAsync(CancellationToken.None);
        var containers = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, CancellationToken.None);

        Assert.Equal(version.APIVersion, engine.ApiVersion.ToString());
        Assert.True(engine.ApiVersion <= ApiVersionChoice.LibraryMaximum);
        Assert.NotNull(containers);
        Assert.Equal(engine.Endpoint.Host, engine.Address);
    }

    [EngineFact]
    public async Task A_pinned_version_below_the_engines_maximum_is_spoken()
    {
        using var engine = await TestEngine.ConnectAsync(("DOCKER_API_VERSION", "1.40"));

        var images = await engine.Client.Images.ListImagesAsync(new ImagesListParameters(), CancellationToken.None);

        Assert.Equal(new Version(1, 40), engine.ApiVersion);
        Assert.NotNull(images);
    }

    [EngineFact]
    public async Task A_pin_above_the_engines_maximum_makes_every_call_fail_with_too_new()
    {
        Version maximum;
        using (var negotiated = await TestEngine.ConnectAsync())
        {
            maximum = Version.Parse((await negotiated.Client.System.GetVersionAsync(CancellationToken.None)).APIVersion);
        }

        var pin = new Version(maximum.Major, maximum.Minor + 3);
        using var engine = await TestEngine.ConnectAsync(("DOCKER_API_VERSION", pin.ToString()));

        var error = await Assert.ThrowsAsync<DockerApiException>(() => engine.Client.Containers.ListContainersAsync(new ContainersListParameters(), CancellationToken.None));

        Assert.Equal(pin, engine.ApiVersion);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains($"client version {pin} is too new. Maximum supported API version is {maximum}", error.ResponseBody);
    }

    [Fact]
    public async Task A_missing_socket_fails_within_seconds_with_one_clear_message()
    {
        using var folder = new TempDirectory();
        var socket = folder.PathOf("docker.sock");
        var endpoint = DockerEndpointResolver.Resolve(null, new Dictionary<string, string> { ["DOCKER_HOST"] = "unix://" + socket }, string.Empty);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => DockerEngine.ConnectAsync(endpoint, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal($"Cannot reach the Docker engine at unix://{socket} (from DOCKER_HOST): there is no socket at {socket}. {DaemonAdvice}", error.Message);
    }

    [Fact]
    public async Task A_refused_tcp_port_fails_with_the_address_and_where_it_came_from()
    {
        var port = FakeEngines.ClosedPort();
        var endpoint = DockerEndpointResolver.Resolve($"127.0.0.1:{port}", new Dictionary<string, string>(), string.Empty);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => DockerEngine.ConnectAsync(endpoint, CancellationToken.None));

        Assert.Equal($"Cannot reach the Docker engine at tcp://127.0.0.1:{port} (from environment docker.host): the connection was refused. {DaemonAdvice}", error.Message);
    }

    [Fact]
    public async Task An_engine_that_never_answers_times_out_with_one_clear_message()
    {
        using var silent = new SilentSocket();
        var endpoint = new DockerEndpoint("unix://" + silent.Path, DockerEndpointSources.DockerHostVariable);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => DockerEngine.ConnectAsync(endpoint, TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal($"Cannot reach the Docker engine at unix://{silent.Path} (from DOCKER_HOST): it did not answer within 0.3 s. {DaemonAdvice}", error.Message);
    }

    [Fact]
    public void The_public_probe_gives_an_engine_five_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(5), DockerEngine.ProbeTimeout);

    [Fact]
    public async Task Cancelling_a_connect_is_a_cancellation_not_an_unreachable_engine()
    {
        using var silent = new SilentSocket();
        var endpoint = new DockerEndpoint("unix://" + silent.Path, DockerEndpointSources.DockerHostVariable);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DockerEngine.ConnectAsync(endpoint, TimeSpan.FromSeconds(30), cancel.Token));
    }

    [Fact]
    public async Task A_server_that_is_not_docker_is_called_so()
    {
        await using var server = new NotDockerServer();
        var endpoint = new DockerEndpoint($"tcp://127.0.0.1:{server.Port}", DockerEndpointSources.DockerHostVariable);

        var error = await Assert.ThrowsAsync<DockerConnectionException>(() => DockerEngine.ConnectAsync(endpoint, CancellationToken.None));

        Assert.StartsWith($"Cannot reach the Docker engine at tcp://127.0.0.1:{server.Port} (from DOCKER_HOST): it answered GET /_ping with HTTP 404 and no API-Version, so it is not a Docker engine. If that port expects TLS, set DOCKER_TLS_VERIFY=1", error.Message);
    }
}
