using System.Collections.Immutable;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// Turns an environment's documents into resources: picks the owning catalog (first that owns the type),
/// checks the document with it, resolves scope and address (a namespaced object without a namespace gets
/// <see cref="CatalogContext.DefaultNamespace"/>), and reports duplicate addresses naming both places.
/// </summary>
public static class ResourceResolver
{
    public static StageResult<ImmutableArray<Resource>> Resolve(
        ImmutableArray<RenderedDocument> documents,
        IReadOnlyList<IKindCatalog> catalogs,
        CatalogContext context) =>
        throw new NotImplementedException();
}
