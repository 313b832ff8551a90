using System.Net;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Where a registry's v2 API lives. Plain HTTP when the Registry is insecure or the host is loopback (dockerd treats
/// 127.0.0.0/8 as insecure without configuration, and a local distribution registry serves plain HTTP); HTTPS
/// otherwise. A server written with a scheme keeps it. Docker Hub's names lead to registry-1.docker.io.
/// </summary>
internal sealed record RegistryEndpoint(string Server, Uri BaseUri)
{
    public static RegistryEndpoint For(string server, bool insecure)
    {
        var trimmed = server.Trim();
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var explicitUri = new Uri(trimmed);
            return new RegistryEndpoint(server, new Uri(explicitUri.GetLeftPart(UriPartial.Authority) + "/"));
        }

        var host = RegistryServerNames.IsDockerHub(trimmed) ? RegistryServerNames.DockerHubApiHost : RegistryServerNames.HostOf(trimmed);
        var scheme = insecure || IsLoopback(host) ? "http" : "https";
        return new RegistryEndpoint(server, new Uri($"{scheme}://{host}/"));
    }

    /// <summary>The scheme and authority, the key under which connections and tokens are kept.</summary>
    public string Key => BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>The repository's path inside the registry; Docker Hub's official images live under library/.</summary>
    public string RepositoryPath(string repository) =>
        BaseUri.Host == RegistryServerNames.DockerHubApiHost && !repository.Contains('/', StringComparison.Ordinal) ? "library/" + repository : repository;

    public Uri Url(string path) => new(BaseUri, path);

    /// <summary>"localhost" or a loopback address (127.0.0.0/8, ::1), with or without a port.</summary>
    internal static bool IsLoopback(string hostAndPort)
    {
        var host = HostWithoutPort(hostAndPort);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static string HostWithoutPort(string hostAndPort)
    {
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? hostAndPort[1..close] : hostAndPort;
        }

        var colon = hostAndPort.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon == hostAndPort.LastIndexOf(':') ? hostAndPort[..colon] : hostAndPort;
    }
}
