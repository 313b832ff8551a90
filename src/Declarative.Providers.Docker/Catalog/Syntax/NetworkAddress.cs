using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>IP addresses, ports, subnets and <c>host[:port]</c> as Docker writes them.</summary>
internal static class NetworkAddress
{
    /// <summary>Dotted-quad IPv4 only (IPAddress.TryParse also takes "1" or "1.2").</summary>
    public static bool IsIPv4(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    public static bool IsIPv6(string text) =>
        text.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Null when <paramref name="text"/> is a port number 1-65535, else why not.</summary>
    public static string? FindPortProblem(string text)
    {
        if (text.Length == 0)
        {
            return "a port number is missing";
        }

        if (text.Contains('-', StringComparison.Ordinal))
        {
            return $"port ranges such as \"{text}\" are not supported";
        }

        if (!text.All(char.IsAsciiDigit) || text.Length > 5)
        {
            return $"\"{text}\" is not a port number";
        }

        var port = int.Parse(text, CultureInfo.InvariantCulture);
        return port is >= 1 and <= 65535 ? null : $"port {port} is not between 1 and 65535";
    }

    public static string? FindSubnetProblem(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return "the prefix length (/N) is missing";
        }

        var address = text[..slash];
        var prefix = text[(slash + 1)..];
        var maxPrefix = IsIPv4(address) ? 32 : IsIPv6(address) ? 128 : -1;
        if (maxPrefix < 0)
        {
            return $"\"{address}\" is not an IPv4 or IPv6 address";
        }

        return prefix.Length is > 0 and <= 3 && prefix.All(char.IsAsciiDigit) && int.Parse(prefix, CultureInfo.InvariantCulture) <= maxPrefix
            ? null
            : $"the prefix length \"{prefix}\" is not between 0 and {maxPrefix}";
    }

    /// <summary>A registry server: <c>host[:port]</c> with a DNS name, IPv4 or [IPv6] host; no scheme, no path.</summary>
    public static string? FindServerProblem(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return "it has a scheme; the server is only host[:port]";
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            return "it has a path; the server is only host[:port]";
        }

        return FindHostPortProblem(text);
    }

    public static string? FindHostPortProblem(string text)
    {
        var (host, port) = SplitHostPort(text);
        if (!(IsHostName(host) || IsIPv4(host) || (host.StartsWith('[') && host.EndsWith(']') && IsIPv6(host[1..^1]))))
        {
            return $"\"{host}\" is not a host name or IP address";
        }

        return port is null ? null : FindPortProblem(port);
    }

    public static bool IsHostName(string text) =>
        text.Length > 0 && text.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && char.IsAsciiLetterOrDigit(label[0])
            && char.IsAsciiLetterOrDigit(label[^1])
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    private static (string Host, string? Port) SplitHostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        var close = text.LastIndexOf(']');
        return colon > close ? (text[..colon], text[(colon + 1)..]) : (text, null);
    }
}
