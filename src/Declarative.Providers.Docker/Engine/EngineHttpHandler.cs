using System.Net.Sockets;

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// A SocketsHttpHandler that reaches an endpoint: through its unix socket (any host name in the URL then works;
/// the daemon ignores it), or over TCP with the endpoint's TLS. Used for the version probe, before the Docker.DotNet
/// client exists.
/// </summary>
internal static class EngineHttpHandler
{
    /// <summary>The Go client's host name for socket connections (moby client DummyHost).</summary>
    private const string SocketHostName = "api.moby.localhost";

    public static SocketsHttpHandler Create(Uri host, EngineTls? tls)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        if (host.Scheme == "unix")
        {
            var path = host.LocalPath;
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        tls?.Apply(handler.SslOptions);
        return handler;
    }

    /// <summary>The HTTP base address for <paramref name="host"/>: http(s)://host:port/ for tcp.</summary>
    public static Uri BaseAddress(Uri host, bool useTls) =>
        host.Scheme == "unix"
            ? new Uri($"http://{SocketHostName}/")
            : new UriBuilder(useTls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp, host.Host, host.Port, "/").Uri;
}
