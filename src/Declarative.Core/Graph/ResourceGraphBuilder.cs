using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// Builds the checked graph: catalog edges, reference-scheme edges (<c>${image:NAME}</c>), and
/// <c>declarative.dev/depends-on</c> edges, each with a reason; a missing required target, an ambiguous bare
/// kind, a reference to an excluded resource and a cycle are located diagnostics. The graph is returned even
/// with errors, so that it can be printed.
/// </summary>
public static class ResourceGraphBuilder
{
    public static StageResult<ResourceGraph> Build(
        ImmutableArray<Resource> resources,
        IReadOnlyList<IKindCatalog> catalogs,
        CatalogContext context,
        ImmutableArray<ExcludedDocument> excluded,
        bool reportMisspeltSchemes = true)
    {
        var diagnostics = new DiagnosticBag();
        var index = new ResourceIndex(resources, excluded.IsDefault ? [] : excluded, context.DefaultNamespace);
        var linker = new DependencyLinker(index, diagnostics);
        var schemes = ReferenceSchemeScanner.SchemesOf(catalogs);
        foreach (var resource in resources)
        {
            var candidates = CatalogDependencies.Collect(resource, catalogs, context)
                .Concat(ReferenceSchemeScanner.Scan(resource, schemes, diagnostics, reportMisspeltSchemes))
                .Concat(DependsOnAnnotation.Collect(resource, index, diagnostics));
            foreach (var candidate in candidates)
            {
                linker.Link(candidate);
            }
        }

        var edges = EdgeDeduplicator.Deduplicate(linker.Edges);
        var nodes = resources.Select(r => r.Address).Distinct().ToList();
        foreach (var cycle in CycleFinder.Find(nodes, edges))
        {
            diagnostics.Add(CycleDiagnostic(cycle, resources));
        }

        var graph = new ResourceGraph(resources, edges, TopologicalOrder.Sort(nodes, edges))
        {
            Ignored = [.. linker.Ignored.OrderBy(i => i.From)],
        };
        return new StageResult<ResourceGraph>(graph, diagnostics.ToImmutable());
    }

    private static Diagnostic CycleDiagnostic(ImmutableArray<Edge> cycle, ImmutableArray<Resource> resources)
    {
        var first = resources.First(r => r.Address == cycle[0].From);
        var lines = cycle.Select(e => $"{e.From} -> {e.To} ({e.Reason})")
            .Append(cycle.Length == 1
                ? "Remove this dependency: a resource cannot be applied after itself."
                : "Remove one of these dependencies to break the cycle.");
        return Diagnostic.Error(
            DiagnosticCodes.DependencyCycle,
            cycle.Length == 1 ? "Self reference" : "Dependency cycle",
            first.Source.Locate("/metadata/name"),
            [.. lines]);
    }
}
