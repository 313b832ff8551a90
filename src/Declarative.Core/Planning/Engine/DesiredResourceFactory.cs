using System.Collections.Immutable;
using Declarative.Core.Graph;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Turns a resource of the graph into what its provider is asked to make true: the content with the ownership
/// labels, references either resolved (their value is known) or left as unknowns, the catalog's sensitive paths
/// and the paths of <c>declarative.dev/ignore-fields</c>.
/// </summary>
internal sealed class DesiredResourceFactory(
    ResourceGraph graph,
    IReadOnlyList<IKindCatalog> catalogs,
    OwnerSelector owner)
{
    private readonly ImmutableSortedDictionary<string, KindRef> schemes = ReferenceSchemeScanner.SchemesOf(catalogs);

    /// <summary>The resources <paramref name="resource"/> refers to with <c>${scheme:name}</c>.</summary>
    public ImmutableArray<ResourceAddress> ReferenceTargets(Resource resource) =>
        [.. ReferenceScanner.Scan(resource, graph, schemes).SelectMany(u => u.References).Select(r => r.Source).Distinct()];

    public DesiredResource Create(Resource resource, Func<ResourceAddress, string, string?> knownOutput)
    {
        var unknowns = ReferenceScanner.Scan(resource, graph, schemes);
        var (content, remaining) = KnownOutputs.Resolve(resource.Content, unknowns, knownOutput);
        return new DesiredResource(
            resource.Address,
            resource.Type,
            OwnershipLabels.Add(content, owner),
            remaining,
            SensitivePaths(resource),
            Annotations.IgnoredPaths(resource.Content));
    }

    public ImmutableArray<string> SensitivePaths(Resource resource) =>
        catalogs.FirstOrDefault(c => c.ProviderName == resource.Provider)?.GetSensitivePaths(resource) is { IsDefault: false } paths
            ? paths
            : [];
}
