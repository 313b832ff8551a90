using System.Collections.Immutable;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Graph;

public sealed class ResourceResolverTests
{
    private const string UnnamespacedBox = """
        {
          "apiVersion": "test.dev/v1",
          "kind": "Box",
          "metadata": {
            "name": "a"
          }
        }
        """;

    private const string BoxInDefaultNamespace = """
        {
          "apiVersion": "test.dev/v1",
          "kind": "Box",
          "metadata": {
            "namespace": "dflt",
            "name": "a"
          }
        }
        """;

    [Fact]
    public void Fills_in_the_default_namespace_of_a_namespaced_kind_in_a_copy_of_the_content()
    {
        var document = GraphDocuments.Parse(UnnamespacedBox);

        var resource = Assert.Single(Resolve(document).Value);

        Assert.Equal(new ResourceAddress(string.Empty, "test.dev", "Box", "dflt", "a"), resource.Address);
        Assert.Equal(ResourceScope.Namespaced, resource.Scope);
        Assert.Equal("test", resource.Provider);
        Assert.Equal("dflt", JsonPointer.Get(resource.Content, "/metadata/namespace")?.GetValue<string>());
        Assert.Null(JsonPointer.Get(document.Content, "/metadata/namespace"));
    }

    [Fact]
    public void Drops_the_namespace_of_a_cluster_kind_and_keeps_it_as_written_for_an_unknown_scope()
    {
        var resources = Resolve(
            GraphDocuments.Parse(GraphFixture.Doc("Shelf", "s", ns: "ignored")),
            GraphDocuments.Parse(GraphFixture.Doc("Gadget", "g1", ns: "tools")),
            GraphDocuments.Parse(GraphFixture.Doc("Gadget", "g2"))).Value;

        Assert.Equal(["Shelf.test.dev/s", "Gadget.test.dev/tools/g1", "Gadget.test.dev/g2"], resources.Select(r => r.Address.ToString()));
    }

    [Fact]
    public void Reports_a_duplicate_address_at_the_second_document_naming_the_first()
    {
        var result = Resolve(
            GraphDocuments.Parse(BoxInDefaultNamespace, "/p/first.yaml"),
            GraphDocuments.Parse(UnnamespacedBox, "/p/second.yaml"));

        Assert.Single(result.Value);
        Assert.Equal(
            """
            /p/second.yaml:5:13: DCL130 Duplicate resource address
              Box.test.dev/dflt/a is already defined at /p/first.yaml:6:13.
              Give one of them another name or namespace, or remove the duplicate.

            """,
            GraphFixture.PrintAll(result.Diagnostics));
    }

    [Fact]
    public void Reports_a_missing_apiVersion_at_the_document_and_a_kind_of_the_wrong_type_at_the_field()
    {
        var document = GraphDocuments.Parse("""
            {
              "kind": 7,
              "metadata": { "name": "a" }
            }
            """);

        var result = Resolve(document);

        Assert.Empty(result.Value);
        Assert.Equal(
            """
            /p/app.yaml:1:1: DCL103 Document has no apiVersion
              Every resource document names its type with apiVersion and kind.
              Add apiVersion to the document, for example apiVersion: apps/v1.
            /p/app.yaml:2:11: DCL103 kind is not a non-empty string
              Every resource document names its type with apiVersion and kind, both strings.
              Write kind as a string, for example kind: Deployment.

            """,
            GraphFixture.PrintAll(result.Diagnostics));
    }

    [Fact]
    public void Reports_a_kind_that_no_catalog_owns_at_the_kind()
    {
        var result = Resolve(GraphDocuments.Parse("""
            {
              "apiVersion": "test.dev/v1",
              "kind": "Crate",
              "metadata": { "name": "a" }
            }
            """));

        Assert.Empty(result.Value);
        Assert.Equal(
            """
            /p/app.yaml:3:11: DCL132 Unknown kind
              No provider knows the kind Crate in apiVersion test.dev/v1.
              Check the apiVersion and kind for typos.

            """,
            GraphFixture.PrintAll(result.Diagnostics));
    }

    [Fact]
    public void Skips_a_document_the_catalog_rejects_and_returns_the_catalog_diagnostics()
    {
        var result = Resolve(
            GraphDocuments.Parse(GraphFixture.Doc("Box", "bad", spec: """{"broken":true}""")),
            GraphDocuments.Parse(GraphFixture.Doc("Box", "good")));

        Assert.Equal(["Box.test.dev/dflt/good"], result.Value.Select(r => r.Address.ToString()));
        Assert.Equal("DCL123", Assert.Single(result.Diagnostics).Code);
    }

    private static StageResult<ImmutableArray<Resource>> Resolve(params RenderedDocument[] documents) =>
        ResourceResolver.Resolve([.. documents], GraphFixture.Catalogs, new CatalogContext([.. documents], GraphFixture.DefaultNamespace));
}
