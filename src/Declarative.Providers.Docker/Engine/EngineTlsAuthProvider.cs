using Docker.DotNet.Handler.Abstractions;

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// Puts the endpoint's TLS on the Docker.DotNet native HTTP transport: TlsEnabled makes the transport use https,
/// and the handler it builds (a SocketsHttpHandler) gets the same certificate checks as the version probe.
/// Replaces the Docker.DotNet.Enhanced.X509 package, which needs a client certificate and does not check the host name.
/// </summary>
internal sealed class EngineTlsAuthProvider(EngineTls tls) : IAuthProvider
{
    public bool TlsEnabled => true;

    public HttpMessageHandler ConfigureHandler(HttpMessageHandler handler)
    {
        if (handler is not SocketsHttpHandler sockets)
        {
            throw new InvalidOperationException($"TLS to the Docker engine is set up on a SocketsHttpHandler, but the transport built a {handler.GetType().Name}.");
        }

        tls.Apply(sockets.SslOptions);
        return sockets;
    }
}
