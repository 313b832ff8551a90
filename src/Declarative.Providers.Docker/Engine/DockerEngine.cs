using Docker.DotNet;
using Docker.DotNet.NativeHttp;

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// A connected Docker engine: the Docker.DotNet client pinned to the API version both sides speak. Docker.DotNet
/// does not negotiate, so <see cref="ConnectAsync"/> first asks the engine (GET /_ping) and fails with one clear
/// message when nothing answers. The client's timeout does not cover streaming calls or waits: pass a
/// CancellationToken to every call.
/// </summary>
public sealed class DockerEngine : IDisposable
{
    /// <summary>How long an engine may take to answer the first ping before it counts as unreachable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly EngineTls? tls;

    private DockerEngine(IDockerClient client, DockerEndpoint endpoint, Version apiVersion, EngineTls? tls)
    {
        Client = client;
        Endpoint = endpoint;
        ApiVersion = apiVersion;
        this.tls = tls;
    }

    public IDockerClient Client { get; }

    public DockerEndpoint Endpoint { get; }

    /// <summary>The host for messages: "unix:///var/run/docker.sock", "tcp://10.0.0.5:2376 (TLS)".</summary>
    public string Address => Endpoint.Tls is null ? Endpoint.Host : $"{Endpoint.Host} (TLS)";

    /// <summary>The API version every request is sent with (the /v1.41/ path prefix).</summary>
    public Version ApiVersion { get; }

    /// <exception cref="DockerConnectionException">The engine does not answer, or the TLS files cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<DockerEngine> ConnectAsync(DockerEndpoint endpoint, CancellationToken cancellationToken) =>
        ConnectAsync(endpoint, ProbeTimeout, cancellationToken);

    internal static async Task<DockerEngine> ConnectAsync(DockerEndpoint endpoint, TimeSpan probeTimeout, CancellationToken cancellationToken)
    {
        var host = new Uri(endpoint.Host);
        var tls = EngineTls.Load(endpoint);
        try
        {
            var engineMaximum = await EngineProbe.ReadApiVersionAsync(endpoint, host, tls, probeTimeout, cancellationToken);
            var apiVersion = ApiVersionChoice.Choose(engineMaximum, endpoint.PinnedApiVersion);
            return new DockerEngine(BuildClient(host, apiVersion, tls), endpoint, apiVersion, tls);
        }
        catch
        {
            tls?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        tls?.Dispose();
    }

    private static DockerClient BuildClient(Uri host, Version apiVersion, EngineTls? tls)
    {
        var builder = new DockerClientBuilder().WithEndpoint(host).WithApiVersion(apiVersion);
        if (host.Scheme == "unix")
        {
            return builder.Build();
        }

        // The native transport (SocketsHttpHandler) is chosen explicitly: the library's default for tcp is its own
        // legacy handler unless a process-wide variable says otherwise, and TLS is set up on SocketsHttpHandler.
        if (tls is not null)
        {
            builder = builder.WithAuthProvider(new EngineTlsAuthProvider(tls));
        }

        return builder.WithTransportOptions(new NativeHttpTransportOptions()).Build();
    }
}
