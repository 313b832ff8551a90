using System.Net.Sockets;

namespace Declarative.Testing.Docker;

/// <summary>Where the Docker provider's tests find their services: the engine and the two loopback registries that
/// scripts/ensure-docker.sh reuses or starts and announces in the environment. The defaults are the ones that script
/// uses, so that a test run by hand next to a `bash scripts/ensure-docker.sh start` finds them too.</summary>
public sealed class DockerTestServices
{
    public const string DefaultDockerHost = "unix:///var/run/docker.sock";

    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    private readonly Lazy<bool> _isAvailable;

    public DockerTestServices(string dockerHost, string registry, string authRegistry, string authUser, string authPassword)
    {
        DockerHost = dockerHost;
        Registry = registry;
        AuthRegistry = authRegistry;
        AuthUser = authUser;
        AuthPassword = authPassword;
        _isAvailable = new Lazy<bool>(Ping, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The services this process's environment names, read once.</summary>
    public static DockerTestServices Current { get; } = FromEnvironment();

    /// <summary>The engine's address, as DOCKER_HOST spells it (unix:///path or tcp://host:port).</summary>
    public string DockerHost { get; }

    /// <summary>host:port of the open registry (plain HTTP on loopback).</summary>
    public string Registry { get; }

    /// <summary>host:port of the registry that wants basic auth (plain HTTP on loopback).</summary>
    public string AuthRegistry { get; }

    public string AuthUser { get; }

    public string AuthPassword { get; }

    /// <summary>Whether the engine answers GET /_ping; asked once, with a short timeout.</summary>
    public bool IsAvailable => _isAvailable.Value;

    public static DockerTestServices FromEnvironment() => new(
        Variable("DOCKER_HOST") ?? DefaultDockerHost,
        Variable("DECLARATIVE_TEST_REGISTRY") ?? "127.0.0.1:5000",
        Variable("DECLARATIVE_TEST_AUTH_REGISTRY") ?? "127.0.0.1:5001",
        Variable("DECLARATIVE_TEST_AUTH_REGISTRY_USER") ?? "tester",
        Variable("DECLARATIVE_TEST_AUTH_REGISTRY_PASSWORD") ?? "s3cret-pass");

    /// <summary>An HttpClient whose relative URIs ("_ping", "v1.41/containers/json") go to the engine's API.
    /// Its own, independent of the provider's Docker client, so that the tests' view of the engine cannot share
    /// the provider's bugs.</summary>
    public HttpClient CreateEngineHttpClient(TimeSpan timeout)
    {
        if (DockerHost.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socketPath = DockerHost["unix://".Length..];
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            return new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = timeout };
        }

        if (DockerHost.StartsWith("tcp://", StringComparison.Ordinal))
        {
            var address = new Uri("http://" + DockerHost["tcp://".Length..]);
            var port = address.IsDefaultPort ? 2375 : address.Port;
            return new HttpClient { BaseAddress = new Uri($"http://{address.Host}:{port}/"), Timeout = timeout };
        }

        throw new NotSupportedException(
            $"DOCKER_HOST is {DockerHost}; the tests reach an engine only through unix:// or tcp:// (plain HTTP). " +
            "Unset DOCKER_HOST and run scripts/test.sh, which starts an engine on a unix socket.");
    }

    /// <summary>Why a Docker test should be skipped, or null when it must run. It must run wherever a missing
    /// engine is a failure: in CI (CI=true) and under scripts/test.sh (DECLARATIVE_TEST_DOCKER=1).</summary>
    internal string? SkipReason()
    {
        var mustRun = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            || Environment.GetEnvironmentVariable("DECLARATIVE_TEST_DOCKER") == "1";
        return mustRun || IsAvailable
            ? null
            : $"No Docker engine answers at {DockerHost}; run scripts/test.sh, which starts one.";
    }

    private bool Ping()
    {
        try
        {
            using var client = CreateEngineHttpClient(PingTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, "_ping");
            using var response = client.Send(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException
                                              or SocketException or IOException or NotSupportedException
                                              or UriFormatException)
        {
            return false;
        }
    }

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
