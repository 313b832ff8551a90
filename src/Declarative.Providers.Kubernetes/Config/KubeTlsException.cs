using System.Security.Authentication;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>The server's certificate was refused, with the reason in words (which name it carries, which CA it
/// is not signed by), so the handshake error can say more than "the remote certificate is invalid".</summary>
public sealed class KubeTlsException : AuthenticationException
{
    public KubeTlsException()
    {
    }

    public KubeTlsException(string message)
        : base(message)
    {
    }

    public KubeTlsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
