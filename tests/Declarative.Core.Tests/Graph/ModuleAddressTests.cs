using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using static Declarative.Core.Tests.Graph.GraphFixture;

namespace Declarative.Core.Tests.Graph;

/// <summary>Module paths in addresses, in depends-on, and the one-object-one-owner rule across module instances.</summary>
public sealed class ModuleAddressTests
{
    private static ImmutableArray<RenderedDocument> InModules(params (string Module, string Json)[] documents) =>
        [.. documents.Select((d, i) => GraphDocuments.Parse(d.Json, $"/p/doc{i}.yaml") with { Module = d.Module })];

    private static StageResult<ImmutableArray<Resource>> Resolve(ImmutableArray<RenderedDocument> documents) =>
        ResourceResolver.Resolve(documents, Catalogs, new CatalogContext(documents, DefaultNamespace));

    [Fact]
    public void An_address_in_a_module_is_written_with_the_module_path_in_front()
    {
        Assert.Equal("module.web/Deployment.apps/shop/web", new ResourceAddress("web", "apps", "Deployment", "shop", "web").ToString());
        Assert.Equal("Deployment.apps/shop/web", new ResourceAddress(string.Empty, "apps", "Deployment", "shop", "web").ToString());
    }

    [Theory]
    [InlineData("module.api/Deployment.apps/api", "api", "Deployment", "apps", null, "api")]
    [InlineData("module.api/Secret/other/creds", "api", "Secret", null, "other", "creds")]
    [InlineData("Deployment.apps/api", null, "Deployment", "apps", null, "api")]
    public void Depends_on_entries_may_carry_a_module_path(string text, string? module, string kind, string? group, string? ns, string name)
    {
        var entry = DependsOnEntry.Parse(text)!;

        Assert.Equal((module, kind, group, ns, name, text), (entry.Module, entry.Kind, entry.Group, entry.Namespace, entry.Name, entry.Text));
    }

    [Theory]
    [InlineData("module./Deployment/api")]
    [InlineData("module.api")]
    [InlineData("module.a b/Deployment/api")]
    public void A_malformed_module_path_is_not_an_entry(string text) => Assert.Null(DependsOnEntry.Parse(text));

    [Fact]
    public void Resources_of_a_module_carry_its_name_in_their_address()
    {
        var resolved = Resolve(InModules(("web", Doc("Box", "web")), (string.Empty, Doc("Box", "root"))));

        Assert.Empty(resolved.Diagnostics);
        Assert.Equal(["module.web/Box.test.dev/dflt/web", "Box.test.dev/dflt/root"], resolved.Value.Select(r => r.Address.ToString()));
    }

    [Fact]
    public void Two_instances_producing_one_object_is_an_error_naming_both()
    {
        var resolved = Resolve(InModules(("web", Doc("Box", "shared")), ("api", Doc("Box", "shared"))));

        var error = Assert.Single(resolved.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateAddress, error.Code);
        Assert.Equal("Two modules produce the same object", error.Summary);
        Assert.Contains("module.api/Box.test.dev/dflt/shared and module.web/Box.test.dev/dflt/shared", error.Detail[0], StringComparison.Ordinal);
        Assert.Contains("module instance \"api\" and module instance \"web\"", error.Detail[0], StringComparison.Ordinal);
        Assert.Single(resolved.Value);
    }

    [Fact]
    public void Depends_on_with_a_module_path_finds_only_that_instances_object()
    {
        var documents = InModules(
            ("front", Doc("Box", "front", dependsOn: "module.api/Box/api")),
            ("api", Doc("Box", "api")),
            ("front", Doc("Box", "other", dependsOn: "module.web/Box/api")));
        var context = new CatalogContext(documents, DefaultNamespace);
        var resolved = Resolve(documents);

        var graph = ResourceGraphBuilder.Build(resolved.Value, Catalogs, context, []);

        Assert.Equal(["module.front/Box.test.dev/dflt/front -> module.api/Box.test.dev/dflt/api"], graph.Value.Edges.Select(e => $"{e.From} -> {e.To}"));
        var missing = Assert.Single(graph.Diagnostics);
        Assert.Contains("module.web/Box/api", PrintAll([missing]), StringComparison.Ordinal);
    }
}
