namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>
/// <c>[ip:]host:container[/proto]</c>. A container port alone (a random host port) and ranges are not
/// supported: both would make the published ports differ from what the document says.
/// </summary>
internal static class PortMapping
{
    private static readonly string[] Protocols = ["tcp", "udp", "sctp"];

    public static string? FindProblem(string text)
    {
        var spec = text;
        var slash = spec.LastIndexOf('/');
        if (slash >= 0)
        {
            var protocol = spec[(slash + 1)..];
            if (!Protocols.Contains(protocol, StringComparer.Ordinal))
            {
                return $"the protocol \"{protocol}\" is not tcp, udp or sctp";
            }

            spec = spec[..slash];
        }

        return spec.StartsWith('[') ? FindBracketedProblem(spec) : FindPlainProblem(spec);
    }

    private static string? FindBracketedProblem(string spec)
    {
        var close = spec.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            return "the IPv6 address has no closing ']'";
        }

        var address = spec[1..close];
        if (!NetworkAddress.IsIPv6(address))
        {
            return $"\"{address}\" is not an IPv6 address";
        }

        var rest = spec[(close + 1)..];
        return rest.StartsWith(':') ? FindPortsProblem(rest[1..].Split(':')) : "the host port must follow the address after ':'";
    }

    private static string? FindPlainProblem(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length == 3)
        {
            return NetworkAddress.IsIPv4(parts[0])
                ? FindPortsProblem(parts[1..])
                : $"\"{parts[0]}\" is not an IPv4 address (write an IPv6 address in brackets)";
        }

        return FindPortsProblem(parts);
    }

    private static string? FindPortsProblem(string[] ports)
    {
        if (ports.Length == 1)
        {
            return "it needs a host port and a container port; a container port alone is not supported";
        }

        if (ports.Length != 2)
        {
            return "it has too many ':' separators (write an IPv6 address in brackets)";
        }

        return NetworkAddress.FindPortProblem(ports[0]) ?? NetworkAddress.FindPortProblem(ports[1]);
    }
}
