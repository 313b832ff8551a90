using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>The two authenticators the double runs: the static bearer token and x509 client certificates
/// signed by its CA. Anything else is anonymous, and anonymous requests are refused (401).</summary>
internal sealed class RequestAuthenticator(string token, CertificateAuthority authority)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + token);

    public bool IsAuthenticated(HttpContext context) => HasToken(context.Request) || HasClientCertificate(context);

    private bool HasToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), _expected);
    }

    private bool HasClientCertificate(HttpContext context) =>
        context.Connection.ClientCertificate is { } certificate && authority.Signed(certificate, CertificateUsage.Client);
}
