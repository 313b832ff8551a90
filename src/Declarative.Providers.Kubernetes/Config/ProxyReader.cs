using System.Net;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Which proxy reaches a server, as kubectl decides: the cluster's proxy-url (http, https or socks5) when set, and
/// then the environment is ignored; else Go's ProxyFromEnvironment: HTTPS_PROXY (HTTP_PROXY for an http server),
/// upper or lower case, unless the server is localhost or a loopback address or NO_PROXY matches it.
/// </summary>
internal static class ProxyReader
{
    private static readonly string[] Schemes = ["http", "https", "socks5"];

    public static Uri? ProxyUrl(string? proxyUrl, string clusterName)
    {
        if (proxyUrl is null)
        {
            return null;
        }

        if (!Uri.TryCreate(proxyUrl, UriKind.Absolute, out var uri) || !Schemes.Contains(uri.Scheme, StringComparer.Ordinal) || uri.Host.Length == 0)
        {
            throw new KubeConfigException(
                $"Cluster \"{clusterName}\" has proxy-url \"{Redacted(proxyUrl)}\", which is not an http://, https:// or socks5:// URL. Fix clusters[].cluster.proxy-url in the kubeconfig.");
        }

        return uri;
    }

    public static Uri? FromEnvironment(Uri server, Func<string, string?> environment)
    {
        if (IsLoopback(server.IdnHost))
        {
            return null;
        }

        var name = server.Scheme == Uri.UriSchemeHttps ? "HTTPS_PROXY" : "HTTP_PROXY";
        var value = Variable(environment, name);
        if (value is null || Excluded(server, Variable(environment, "NO_PROXY")))
        {
            return null;
        }

        // Go reads "proxy:3128" as http://proxy:3128.
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !Schemes.Contains(uri.Scheme, StringComparer.Ordinal))
        {
            throw new KubeConfigException($"The {name} environment variable (\"{Redacted(value)}\") is not an http://, https:// or socks5:// URL. Fix or unset it.");
        }

        return uri;
    }

    /// <summary>NO_PROXY as Go reads it: comma-separated; "*" for all; an IP or CIDR; a host name matching itself
    /// and its subdomains (a leading "." or "*." matches subdomains only); an optional :port narrows an entry.</summary>
    internal static bool Excluded(Uri server, string? noProxy)
    {
        if (noProxy is null)
        {
            return false;
        }

        var host = server.IdnHost.ToLowerInvariant();
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : null;
        foreach (var raw in noProxy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = raw.ToLowerInvariant();
            if (entry == "*")
            {
                return true;
            }

            if (IPNetwork.TryParse(entry, out var network))
            {
                if (address is not null && network.Contains(address))
                {
                    return true;
                }

                continue;
            }

            if (IPAddress.TryParse(entry.Trim('[', ']'), out var ip))
            {
                if (address is not null && ip.Equals(address))
                {
                    return true;
                }

                continue;
            }

            var (entryHost, entryPort) = SplitPort(entry);
            if (entryPort is { } port && port != server.Port)
            {
                continue;
            }

            if (entryHost.StartsWith("*.", StringComparison.Ordinal))
            {
                entryHost = entryHost[1..];
            }

            var matches = entryHost.StartsWith('.')
                ? host.EndsWith(entryHost, StringComparison.Ordinal)
                : host == entryHost || host.EndsWith("." + entryHost, StringComparison.Ordinal);
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static (string Host, int? Port) SplitPort(string entry)
    {
        var colon = entry.LastIndexOf(':');
        return colon > 0 && int.TryParse(entry.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            ? (entry[..colon], port)
            : (entry, null);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private static string? Variable(Func<string, string?> environment, string name) =>
        environment(name) is { Length: > 0 } upper ? upper
        : environment(name.ToLowerInvariant()) is { Length: > 0 } lower ? lower
        : null;

    /// <summary>A proxy URL without its password, for messages.</summary>
    private static string Redacted(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at < 0 ? url : (scheme < 0 ? string.Empty : url[..(scheme + 3)]) + "***@" + url[(at + 1)..];
    }
}
