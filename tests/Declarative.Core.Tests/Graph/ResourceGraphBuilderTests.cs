using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using static Declarative.Core.Tests.Graph.GraphFixture;

namespace Declarative.Core.Tests.Graph;

public sealed class ResourceGraphBuilderTests
{
    private const string BoxNeedingShelf = """
        {
          "apiVersion": "test.dev/v1",
          "kind": "Box",
          "metadata": { "name": "a" },
          "spec": {
            "shelf": "nowhere"
          }
        }
        """;

    [Fact]
    public void Orders_a_diamond_with_dependencies_first_and_ties_by_address()
    {
        var result = Build(
            Doc("Box", "top", dependsOn: "Box/b, Box/a"),
            Doc("Box", "b", spec: """{"shelf":"base"}"""),
            Doc("Box", "a", spec: """{"shelf":"base"}"""),
            Doc("Shelf", "base"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            ["Shelf.test.dev/base", "Box.test.dev/dflt/a", "Box.test.dev/dflt/b", "Box.test.dev/dflt/top"],
            result.Value.Order.Select(a => a.ToString()));
        Assert.Equal(
            ["Box.test.dev/dflt/a -> Shelf.test.dev/base", "Box.test.dev/dflt/b -> Shelf.test.dev/base", "Box.test.dev/dflt/top -> Box.test.dev/dflt/a", "Box.test.dev/dflt/top -> Box.test.dev/dflt/b"],
            result.Value.Edges.Select(e => $"{e.From} -> {e.To}"));
    }

    [Fact]
    public void Adds_a_required_edge_for_each_reference_scheme_use_with_the_field_path_as_reason()
    {
        var result = Build(
            Doc("Box", "a", spec: """{"args":["--from=${shelf:top}"]}"""),
            Doc("Shelf", "top"));

        var edge = Assert.Single(result.Value.Edges);
        Assert.Equal(new Edge(Address("Box", "dflt", "a"), Address("Shelf", null, "top"), "spec.args[0] references ${shelf:top}", DependencyKind.Required), edge);
    }

    [Fact]
    public void Reports_a_scheme_one_typo_from_a_known_one_at_the_string_with_the_suggestion()
    {
        var result = Build("""
            {
              "apiVersion": "test.dev/v1",
              "kind": "Box",
              "metadata": { "name": "a" },
              "spec": { "image": "${shelv:top}" }
            }
            """);

        Assert.Equal(
            """
            /p/doc0.yaml:5:22: DCL206 Unknown reference scheme
              spec.image contains ${shelv:top}, but no provider resolves the scheme "shelv". Did you mean ${shelf:top}?
              Write ${shelf:top}; text that is not a reference of ours, such as a dashboard's ${var:format}, may stay as it is when its scheme is not this close to shelf.

            """,
            PrintAll(result.Diagnostics));
    }

    [Fact]
    public void Leaves_other_tools_placeholders_with_schemes_of_their_own_alone()
    {
        var result = Build(Doc("Box", "a", spec: """{"dashboard":"{\"query\":\"${datasource:queryparam} ${__from:date:iso} ${image:web}\"}"}"""));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Value.Edges);
    }

    [Fact]
    public void Leaves_shell_parameter_expansions_alone()
    {
        var result = Build(Doc("Box", "a", spec: """{"script":"echo ${home:-/root} ${port:=80}"}"""));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Value.Edges);
    }

    [Fact]
    public void Reports_a_missing_required_target_at_the_referring_field()
    {
        var result = Build(BoxNeedingShelf);

        Assert.Equal(
            """
            /p/doc0.yaml:6:14: DCL202 Dependency is not in the project
              spec.shelf names Shelf nowhere, which is not in the project.
              Add Shelf.test.dev/nowhere to the project, or remove the reference.

            """,
            PrintAll(result.Diagnostics));
        Assert.Equal(["Box.test.dev/dflt/a"], result.Value.Order.Select(a => a.ToString()));
    }

    [Fact]
    public void Reports_a_target_excluded_from_the_environment_naming_its_environments()
    {
        var excluded = GraphDocuments.Parse(
            """
            {
              "apiVersion": "test.dev/v1",
              "kind": "Shelf",
              "metadata": {
                "name": "nowhere",
                "annotations": { "declarative.dev/environments": "local,dev" }
              }
            }
            """,
            "/p/shelf.yaml");

        var result = Build([new ExcludedDocument(excluded, ["local", "dev"])], BoxNeedingShelf);

        Assert.Equal(
            """
            /p/doc0.yaml:6:14: DCL205 Dependency is excluded from this environment
              spec.shelf names Shelf nowhere, which is limited to the environments local, dev by declarative.dev/environments at /p/shelf.yaml:6:54.
              Add this environment to that annotation, or remove the dependency from this environment.

            """,
            PrintAll(result.Diagnostics));
    }

    [Fact]
    public void Drops_a_missing_implicit_target_and_lists_it_as_ignored()
    {
        var result = Build(Doc("Box", "a", spec: """{"box":"cache"}"""));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Value.Edges);
        Assert.Equal(
            new IgnoredDependency(Address("Box", "dflt", "a"), new ReferenceTarget("test.dev", "Box", null, "cache"), "spec.box names Box cache"),
            Assert.Single(result.Value.Ignored));
    }

    [Fact]
    public void Resolves_an_implicit_target_in_the_referring_resource_namespace_only()
    {
        var result = Build(
            Doc("Box", "a", spec: """{"box":"cache"}""", ns: "one"),
            Doc("Box", "cache", ns: "two"));

        Assert.Empty(result.Value.Edges);
        Assert.Single(result.Value.Ignored);
    }

    [Fact]
    public void Keeps_one_edge_per_pair_preferring_an_explicit_reason_over_an_implicit_one()
    {
        var result = Build(
            Doc("Box", "a", spec: """{"box":"b"}""", dependsOn: "Box/b"),
            Doc("Box", "b"));

        var edge = Assert.Single(result.Value.Edges);
        Assert.Equal("declarative.dev/depends-on names Box/b", edge.Reason);
        Assert.Equal(DependencyKind.Explicit, edge.Kind);
    }

    internal static ResourceAddress Address(string kind, string? ns, string name) => new(string.Empty, "test.dev", kind, ns, name);
}
