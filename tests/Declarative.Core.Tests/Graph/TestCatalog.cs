using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Graph;

/// <summary>
/// A catalog for graph tests. It owns the kinds Box (namespaced), Shelf (cluster-scoped) and Gadget (unknown
/// scope) in the groups test.dev and extra.dev. spec.shelf is a required dependency on a Shelf, spec.box an
/// implicit one on a Box; ${shelf:NAME} references a Shelf. spec.broken: true fails validation.
/// </summary>
internal sealed class TestCatalog : IKindCatalog
{
    public string ProviderName => "test";

    public ImmutableDictionary<string, KindRef> ReferenceSchemes { get; } =
        ImmutableDictionary<string, KindRef>.Empty.Add("shelf", new KindRef("test.dev", "Shelf"));

    public bool Owns(ResourceType type) => type.Group is "test.dev" or "extra.dev" && type.Kind is "Box" or "Shelf" or "Gadget";

    public KindInfo Describe(ResourceType type, CatalogContext context) => new(type.KindRef, type.Kind switch
    {
        "Box" => ResourceScope.Namespaced,
        "Shelf" => ResourceScope.Cluster,
        _ => ResourceScope.Unknown,
    });

    public IEnumerable<Diagnostic> Validate(RenderedDocument document, CatalogContext context)
    {
        if (JsonPointer.Get(document.Content, "/spec/broken") is JsonValue broken && broken.GetValue<bool>())
        {
            yield return Diagnostic.Error(DiagnosticCodes.InvalidValue, "Broken", document.Source.Locate("/spec/broken"), "Fix it.");
        }
    }

    public IEnumerable<DependencyRequest> GetDependencies(Resource resource, CatalogContext context)
    {
        if (JsonPointer.Get(resource.Content, "/spec/shelf")?.GetValue<string>() is { } shelf)
        {
            yield return new DependencyRequest(new ReferenceTarget("test.dev", "Shelf", null, shelf), $"spec.shelf names Shelf {shelf}", DependencyKind.Required, "/spec/shelf");
        }

        if (JsonPointer.Get(resource.Content, "/spec/box")?.GetValue<string>() is { } box)
        {
            yield return new DependencyRequest(new ReferenceTarget("test.dev", "Box", null, box), $"spec.box names Box {box}", DependencyKind.Implicit, "/spec/box");
        }
    }

    public ImmutableArray<string> GetSensitivePaths(Resource resource) => [];
}
