using System.Collections.Immutable;

namespace Declarative.Providers.Docker.Catalog;

/// <summary>Names of the Docker provider's group, version and kinds.</summary>
internal static class DockerKinds
{
    public const string Group = "docker.declarative.dev";
    public const string Version = "v1";
    public const string ApiVersion = Group + "/" + Version;

    public const string Registry = "Registry";
    public const string Image = "Image";
    public const string Container = "Container";
    public const string Volume = "Volume";
    public const string Network = "Network";

    public static readonly ImmutableArray<string> All = [Registry, Image, Container, Volume, Network];

    /// <summary>Networks every Docker engine has; naming them implies no edge.</summary>
    public static readonly ImmutableHashSet<string> BuiltInNetworks = ImmutableHashSet.Create(StringComparer.Ordinal, "bridge", "host", "none");
}
