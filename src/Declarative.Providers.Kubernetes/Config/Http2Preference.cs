using System.Net;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Asks for HTTP/2 over TLS, as kubectl does: every request and watch of a run shares one connection (more only past
/// the server's stream limit) instead of one TLS handshake per concurrent request. A server without h2 (or plain
/// http) answers in HTTP/1.1.
/// </summary>
internal sealed class Http2Preference : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        return base.SendAsync(request, cancellationToken);
    }
}
