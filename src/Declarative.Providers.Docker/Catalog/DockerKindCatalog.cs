using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Catalog;

/// <summary>
/// The static half of the Docker provider: the kinds Registry, Image, Container, Volume and Network of
/// <c>docker.declarative.dev/v1</c>. It owns the whole group, so a misspelled kind or an unknown version
/// is reported by <see cref="Validate"/> rather than passed on to another catalog. Stateless.
/// </summary>
public sealed class DockerKindCatalog : IKindCatalog
{
    private static readonly ImmutableArray<string> RegistrySensitivePaths = ["spec.password"];

    public string ProviderName => "docker";

    public ImmutableDictionary<string, KindRef> ReferenceSchemes { get; } =
        ImmutableDictionary<string, KindRef>.Empty.Add("image", new KindRef(DockerKinds.Group, DockerKinds.Image));

    public bool Owns(ResourceType type) => type.Group == DockerKinds.Group;

    /// <summary>Docker objects have no namespace: every kind is <see cref="ResourceScope.Cluster"/>.</summary>
    public KindInfo Describe(ResourceType type, CatalogContext context) => new(type.KindRef, ResourceScope.Cluster);

    public IEnumerable<Diagnostic> Validate(RenderedDocument document, CatalogContext context) =>
        DocumentValidator.Validate(document);

    public IEnumerable<DependencyRequest> GetDependencies(Resource resource, CatalogContext context) =>
        DockerDependencies.For(resource);

    /// <summary>A Registry's password, literal or not, is never shown; Container env values are shown.</summary>
    public ImmutableArray<string> GetSensitivePaths(Resource resource) =>
        resource.Type.Kind == DockerKinds.Registry ? RegistrySensitivePaths : [];
}
