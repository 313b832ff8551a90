namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// The manifest types a digest lookup accepts. All four are needed: without the schema 2 type, distribution 2.8
/// converts the manifest to schema 1 and reports that digest (which matches nothing docker knows); without the OCI
/// types, an OCI manifest or index is reported as unknown.
/// </summary>
internal static class ManifestMediaTypes
{
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    public static readonly IReadOnlyList<string> All = [DockerManifest, DockerManifestList, OciManifest, OciIndex];
}
