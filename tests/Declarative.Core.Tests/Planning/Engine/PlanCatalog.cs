using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Planning.Engine;

/// <summary>
/// A catalog for planner tests that owns the kinds of <paramref name="groups"/>. Namespace and Image are
/// cluster-scoped, everything else namespaced; a Secret's data and stringData are sensitive.
/// </summary>
internal sealed class PlanCatalog(string name, ImmutableArray<string> groups, ImmutableDictionary<string, KindRef> schemes) : IKindCatalog
{
    public string ProviderName => name;

    public ImmutableDictionary<string, KindRef> ReferenceSchemes => schemes;

    public bool Owns(ResourceType type) => groups.Contains(type.Group);

    public KindInfo Describe(ResourceType type, CatalogContext context) =>
        new(type.KindRef, type.Kind is "Namespace" or "Image" ? ResourceScope.Cluster : ResourceScope.Namespaced);

    public IEnumerable<Diagnostic> Validate(RenderedDocument document, CatalogContext context) => [];

    public IEnumerable<DependencyRequest> GetDependencies(Resource resource, CatalogContext context) => [];

    public ImmutableArray<string> GetSensitivePaths(Resource resource) => resource.Type.Kind == "Secret" ? ["data", "stringData"] : [];
}
