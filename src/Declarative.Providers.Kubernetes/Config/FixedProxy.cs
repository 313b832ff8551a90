using System.Net;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Every request through one proxy, loopback included: the proxy was chosen for this one server (proxy-url,
/// or HTTPS_PROXY after NO_PROXY was applied), so nothing is bypassed. WebProxy would bypass loopback servers.</summary>
internal sealed class FixedProxy(Uri proxy) : IWebProxy
{
    public ICredentials? Credentials { get; set; } = Credential(proxy);

    public Uri GetProxy(Uri destination) => proxy;

    public bool IsBypassed(Uri host) => false;

    /// <summary>user:password in the proxy URL, as Go's transport sends it (Proxy-Authorization: Basic).</summary>
    private static NetworkCredential? Credential(Uri proxy)
    {
        if (proxy.UserInfo.Length == 0)
        {
            return null;
        }

        var parts = proxy.UserInfo.Split(':', 2);
        return new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
    }
}
