using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using static Declarative.Core.Tests.Graph.GraphFixture;

namespace Declarative.Core.Tests.Graph;

public sealed class GraphPrinterTests
{
    private static ResourceGraph Shop() => Build(
        Doc("Box", "worker", dependsOn: "Box/web", spec: """{"box":"cache"}"""),
        Doc("Box", "web", spec: """{"shelf":"top","args":["${shelf:top}"]}"""),
        Doc("Shelf", "top")).Value;

    [Fact]
    public void Prints_text_in_apply_order_with_each_dependency_and_its_reason()
    {
        Assert.Equal(
            """
            Shelf.test.dev/top
            Box.test.dev/dflt/web
              -> Shelf.test.dev/top  (spec.shelf names Shelf top)
            Box.test.dev/dflt/worker
              -> Box.test.dev/dflt/web  (declarative.dev/depends-on names Box/web)

            """,
            GraphTextPrinter.Print(Shop(), verbose: false));
    }

    [Fact]
    public void Prints_ignored_implicit_dependencies_only_when_verbose()
    {
        Assert.Equal(
            """
            Shelf.test.dev/top
            Box.test.dev/dflt/web
              -> Shelf.test.dev/top  (spec.shelf names Shelf top)
            Box.test.dev/dflt/worker
              -> Box.test.dev/dflt/web  (declarative.dev/depends-on names Box/web)
              -> Box.test.dev/cache  (spec.box names Box cache) (not in project, ignored)

            """,
            GraphTextPrinter.Print(Shop(), verbose: true));
    }

    [Fact]
    public void Prints_dot_with_quoted_addresses_and_labelled_edges()
    {
        Assert.Equal(
            """
            digraph {
              rankdir="LR";
              node [shape=box];
              "Shelf.test.dev/top";
              "Box.test.dev/dflt/web";
              "Box.test.dev/dflt/worker";
              "Box.test.dev/dflt/web" -> "Shelf.test.dev/top" [label="spec.shelf names Shelf top"];
              "Box.test.dev/dflt/worker" -> "Box.test.dev/dflt/web" [label="declarative.dev/depends-on names Box/web"];
            }

            """,
            GraphDotPrinter.Print(Shop()));
    }

    [Fact]
    public void Prints_mermaid_with_numbered_nodes_and_quoted_labels()
    {
        Assert.Equal(
            """
            flowchart LR
              n0["Shelf.test.dev/top"]
              n1["Box.test.dev/dflt/web"]
              n2["Box.test.dev/dflt/worker"]
              n1 -->|"spec.shelf names Shelf top"| n0
              n2 -->|"declarative.dev/depends-on names Box/web"| n1

            """,
            GraphMermaidPrinter.Print(Shop()));
    }

    [Fact]
    public void Escapes_quotes_backslashes_and_newlines_in_dot()
    {
        Assert.Equal(
            """
            digraph {
              rankdir="LR";
              node [shape=box];
              "Box.test.dev/dflt/b";
              "Box.test.dev/dflt/a";
              "Box.test.dev/dflt/a" -> "Box.test.dev/dflt/b" [label="metadata.labels[\"a\\b\"] names\nb <#1>"];
            }

            """,
            GraphDotPrinter.Print(Awkward()));
    }

    [Fact]
    public void Escapes_quotes_hashes_and_angle_brackets_in_mermaid()
    {
        Assert.Equal(
            """
            flowchart LR
              n0["Box.test.dev/dflt/b"]
              n1["Box.test.dev/dflt/a"]
              n1 -->|"metadata.labels[#quot;a\b#quot;] names b #lt;#35;1#gt;"| n0

            """,
            GraphMermaidPrinter.Print(Awkward()));
    }

    [Fact]
    public void Prints_an_empty_graph_in_every_format()
    {
        var empty = new ResourceGraph([], [], []);

        Assert.Equal(string.Empty, GraphTextPrinter.Print(empty, verbose: true));
        Assert.Equal("digraph {\n  rankdir=\"LR\";\n  node [shape=box];\n}\n", GraphDotPrinter.Print(empty));
        Assert.Equal("flowchart LR\n", GraphMermaidPrinter.Print(empty));
    }

    // A reason with every character the formats must escape: quotes, a backslash, a newline, '#', '<' and '>'.
    private static ResourceGraph Awkward()
    {
        var a = ResourceGraphBuilderTests.Address("Box", "dflt", "a");
        var b = ResourceGraphBuilderTests.Address("Box", "dflt", "b");
        return new ResourceGraph(
            [Resource(a), Resource(b)],
            [new Edge(a, b, "metadata.labels[\"a\\b\"] names\nb <#1>", DependencyKind.Explicit)],
            [b, a]);
    }

    private static Resource Resource(ResourceAddress address) =>
        new(address, new ResourceType("test.dev/v1", address.Kind), ResourceScope.Namespaced, "test", new JsonObject(), DocumentSource.Synthetic("/p/x.yaml"));
}
