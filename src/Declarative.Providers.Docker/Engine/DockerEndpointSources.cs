namespace Declarative.Providers.Docker.Engine;

/// <summary>The values of <see cref="DockerEndpoint.Source"/>: the setting an endpoint was taken from.</summary>
public static class DockerEndpointSources
{
    public const string EnvironmentHost = "environment docker.host";

    public const string DockerHostVariable = "DOCKER_HOST";

    public const string DefaultSocket = "default socket";

    /// <summary>DOCKER_HOST unset while DOCKER_TLS_VERIFY or DOCKER_TLS is set: the CLI then uses
    /// tcp://localhost:2376 instead of the socket.</summary>
    public const string DefaultTlsHost = "default TLS host";

    public static string Context(string name) => $"docker context {name}";
}
