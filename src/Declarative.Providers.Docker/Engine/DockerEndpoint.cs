namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// Where the Docker engine is and how to talk to it, as resolved from declarative.yaml, the DOCKER_* variables and
/// the Docker CLI's contexts. <see cref="Host"/> is the normalized host URI the user recognizes
/// ("unix:///var/run/docker.sock", "tcp://1.2.3.4:2376"); <see cref="Source"/> says where it came from (one of
/// <see cref="DockerEndpointSources"/>) so error messages can point at the setting to change.
/// <see cref="PinnedApiVersion"/> is DOCKER_API_VERSION: when set, the client speaks exactly that version.
/// </summary>
public sealed record DockerEndpoint(string Host, string Source, DockerTlsMaterial? Tls = null, Version? PinnedApiVersion = null)
{
    public override string ToString() => $"{Host} (from {Source})";
}
