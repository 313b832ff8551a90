using System.Collections.Immutable;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// Builds the checked graph: catalog edges, reference-scheme edges (<c>${image:NAME}</c>), and
/// <c>declarative.dev/depends-on</c> edges, each with a reason; a missing required target, an ambiguous bare
/// kind, a reference to an excluded resource and a cycle are located diagnostics.
/// </summary>
public static class ResourceGraphBuilder
{
    public static StageResult<ResourceGraph> Build(
        ImmutableArray<Resource> resources,
        IReadOnlyList<IKindCatalog> catalogs,
        CatalogContext context,
        ImmutableArray<ExcludedDocument> excluded) =>
        throw new NotImplementedException();
}
