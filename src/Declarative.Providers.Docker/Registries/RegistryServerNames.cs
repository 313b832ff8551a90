namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// The spellings of a registry server and how the docker CLI matches them: config.json keys may carry a scheme and a
/// path ("https://127.0.0.1:5001/v1/"), and Docker Hub answers to several names whose config key is
/// <see cref="DockerHubConfigKey"/> and whose API lives at <see cref="DockerHubApiHost"/>.
/// </summary>
internal static class RegistryServerNames
{
    public const string DockerHubConfigKey = "https://index.docker.io/v1/";

    public const string DockerHubApiHost = "registry-1.docker.io";

    private const string DockerHubHost = "docker.io";

    private static readonly string[] DockerHubAliases = ["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"];

    /// <summary>host[:port] without scheme or path, Docker Hub aliases folded into "docker.io" (docker CLI's
    /// ConvertToHostname plus the Hub aliases).</summary>
    public static string HostOf(string server)
    {
        var host = server.Trim();
        foreach (var scheme in (string[])["https://", "http://"])
        {
            if (host.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                host = host[scheme.Length..];
                break;
            }
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        host = (slash >= 0 ? host[..slash] : host).ToLowerInvariant();
        return IsDockerHubHost(host) ? DockerHubHost : host;
    }

    public static bool IsDockerHub(string server) => HostOf(server) == DockerHubHost;

    /// <summary>The key docker login writes into config.json and hands to credential helpers.</summary>
    public static string ConfigKeyOf(string server) => IsDockerHub(server) ? DockerHubConfigKey : HostOf(server);

    /// <summary>Whether two spellings name the same registry.</summary>
    public static bool SameRegistry(string left, string right) => HostOf(left) == HostOf(right);

    private static bool IsDockerHubHost(string host) => DockerHubAliases.Contains(host, StringComparer.Ordinal);
}
