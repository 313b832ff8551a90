using System.Globalization;

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// Normalizes a host the way the Docker CLI does (docker/cli opts/hosts.go ParseHost): "host:port" without a scheme
/// is tcp, a tcp host without a port gets 2375 (even with TLS), an empty tcp host is localhost, "unix://" alone is
/// the default socket. Forms Declarative cannot use (npipe, ssh, fd, http) are rejected with the way out.
/// </summary>
internal static class DockerHostSyntax
{
    public const string DefaultSocketPath = "/var/run/docker.sock";
    public const string DefaultSocketHost = "unix://" + DefaultSocketPath;
    private const int DefaultTcpPort = 2375;

    /// <param name="value">The host as written.</param>
    /// <param name="origin">The setting it came from, to start error messages ("DOCKER_HOST").</param>
    public static string Normalize(string value, string origin)
    {
        var host = value.Trim();
        if (host.StartsWith('/'))
        {
            throw Invalid(origin, value, "a bare path is read as a tcp address.", $"Write the socket as unix://{host}.");
        }

        var separator = host.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator < 0 ? "tcp" : host[..separator].ToLowerInvariant();
        var rest = separator < 0 ? host : host[(separator + 3)..];
        return scheme switch
        {
            "tcp" => NormalizeTcp(rest, value, origin),
            "unix" => NormalizeUnix(rest, value, origin),
            "npipe" => throw Invalid(origin, value, "npipe:// is a Windows named pipe, which Declarative does not support.", "Use a unix:// socket or a tcp:// address."),
            "ssh" => throw Invalid(origin, value, "ssh:// hosts are not supported yet.", "Forward the remote socket instead (ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock user@host) and use unix:///tmp/docker.sock."),
            "fd" => throw Invalid(origin, value, "fd:// is a form only the Docker daemon listens on.", "Use the daemon's unix:// socket or tcp:// address."),
            "http" or "https" => throw Invalid(origin, value, $"{scheme}:// is not a Docker host form.", "Write tcp://host:port; TLS is turned on with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH."),
            _ => throw Invalid(origin, value, $"the scheme {scheme}:// is not one Docker knows.", "Use unix:///path/to/docker.sock or tcp://host:port."),
        };
    }

    private static string NormalizeUnix(string path, string value, string origin)
    {
        if (path.Length == 0)
        {
            return DefaultSocketHost;
        }

        if (path.Contains("://", StringComparison.Ordinal) || !path.StartsWith('/'))
        {
            throw Invalid(origin, value, "a unix socket needs an absolute path.", "Write it as unix:///path/to/docker.sock (three slashes).");
        }

        return "unix://" + path;
    }

    private static string NormalizeTcp(string rest, string value, string origin)
    {
        if (rest.IndexOfAny(['?', '#']) >= 0)
        {
            throw Invalid(origin, value, "a tcp host cannot have a query or fragment.", "Write it as tcp://host:port.");
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? string.Empty : rest[slash..];
        if (path.Length > 1)
        {
            throw Invalid(origin, value, $"a path after the address ({path}) is not supported.", "Write it as tcp://host:port.");
        }

        if (authority.Contains('@', StringComparison.Ordinal))
        {
            throw Invalid(origin, value, "a tcp host cannot carry a user name.", "Write it as tcp://host:port; TLS client certificates go in DOCKER_CERT_PATH.");
        }

        var (name, port) = SplitHostPort(authority, value, origin);
        return $"tcp://{(name.Length == 0 ? "localhost" : name)}:{port}";
    }

    private static (string Name, int Port) SplitHostPort(string authority, string value, string origin)
    {
        string name;
        string portText;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < authority.Length && authority[close + 1] != ':'))
            {
                throw Invalid(origin, value, "the IPv6 address is not closed properly.", "Write it as tcp://[::1]:2375.");
            }

            name = authority[..(close + 1)];
            portText = close + 1 < authority.Length ? authority[(close + 2)..] : string.Empty;
        }
        else
        {
            var colon = authority.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && authority.IndexOf(':', colon + 1) >= 0)
            {
                throw Invalid(origin, value, "an IPv6 address needs brackets.", "Write it as tcp://[::1]:2375.");
            }

            name = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? string.Empty : authority[(colon + 1)..];
        }

        if (portText.Length == 0)
        {
            return (name, DefaultTcpPort);
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw Invalid(origin, value, $"the port \"{portText}\" is not a number from 1 to 65535.", "Write it as tcp://host:port.");
        }

        return (name, port);
    }

    private static DockerConnectionException Invalid(string origin, string value, string problem, string advice) =>
        new($"{origin} is \"{Redacted(value)}\": {problem} {advice}");

    /// <summary>A password typed into a URL (user:password@) must not reach a message.</summary>
    private static string Redacted(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var start = value.IndexOf("://", StringComparison.Ordinal) + 3;
        if (at < 0 || start < 3 || at < start)
        {
            return value.Trim();
        }

        var userInfo = value[start..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? value.Trim() : (value[..(start + colon + 1)] + "***" + value[at..]).Trim();
    }
}
