using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>The dependencies the owning catalog says a resource implies.</summary>
internal static class CatalogDependencies
{
    public static IEnumerable<DependencyCandidate> Collect(Resource resource, IReadOnlyList<IKindCatalog> catalogs, CatalogContext context)
    {
        var catalog = catalogs.FirstOrDefault(c => c.ProviderName == resource.Provider);
        if (catalog is null)
        {
            return [];
        }

        return catalog.GetDependencies(resource, context).Select(request => new DependencyCandidate(
            resource,
            request.Target,
            request.Reason,
            request.Kind,
            resource.Source.Locate(request.SourcePointer.Length == 0 ? "/metadata/name" : request.SourcePointer)));
    }
}
