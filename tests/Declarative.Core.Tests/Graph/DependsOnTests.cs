using Declarative.Core.Providers;
using static Declarative.Core.Tests.Graph.GraphFixture;

namespace Declarative.Core.Tests.Graph;

public sealed class DependsOnTests
{
    private const string BoxWithDependsOn = """
        {
          "apiVersion": "test.dev/v1",
          "kind": "Box",
          "metadata": {
            "name": "a",
            "annotations": {
              "declarative.dev/depends-on": "{0}"
            }
          }
        }
        """;

    [Fact]
    public void Resolves_entries_with_a_group_a_version_and_a_namespace()
    {
        var result = Build(
            Doc("Box", "a", dependsOn: " Shelf.test.dev/top ,Box.v1.test.dev/other/b, Gadget/g,"),
            Doc("Shelf", "top"),
            Doc("Box", "b", ns: "other"),
            Doc("Gadget", "g"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [
                "Box.test.dev/dflt/a -> Box.test.dev/other/b (declarative.dev/depends-on names Box.v1.test.dev/other/b)",
                "Box.test.dev/dflt/a -> Gadget.test.dev/g (declarative.dev/depends-on names Gadget/g)",
                "Box.test.dev/dflt/a -> Shelf.test.dev/top (declarative.dev/depends-on names Shelf.test.dev/top)",
            ],
            result.Value.Edges.Select(e => $"{e.From} -> {e.To} ({e.Reason})"));
        Assert.All(result.Value.Edges, e => Assert.Equal(DependencyKind.Explicit, e.Kind));
    }

    [Fact]
    public void Reports_an_entry_with_bad_syntax_at_the_annotation()
    {
        var result = Build(WithDependsOn("Box/b, Deployment apps/web"), Doc("Box", "b"));

        Assert.Equal(
            """
            /p/doc0.yaml:7:37: DCL204 Invalid depends-on entry
              "Deployment apps/web" in declarative.dev/depends-on is not of the form [module.NAME/]Kind[.group]/[namespace/]name.
              Write entries such as Job/db-migrate, Deployment.apps/web or Secret/other-ns/creds, separated by commas.

            """,
            PrintAll(result.Diagnostics));
        Assert.Single(result.Value.Edges);
    }

    [Fact]
    public void Reports_a_bare_kind_that_the_project_has_in_two_groups()
    {
        var result = Build(
            WithDependsOn("Box/b"),
            Doc("Box", "b"),
            Doc("Box", "c", group: "extra.dev"));

        Assert.Equal(
            """
            /p/doc0.yaml:7:37: DCL203 Ambiguous kind in depends-on
              Box/b in declarative.dev/depends-on names the kind Box, which the project has in more than one group: Box.extra.dev, Box.test.dev.
              Write the kind as Kind.group, for example Box.extra.dev/b.

            """,
            PrintAll(result.Diagnostics));
        Assert.Empty(result.Value.Edges);
    }

    [Fact]
    public void Reports_a_missing_explicit_target_at_the_annotation()
    {
        var result = Build(WithDependsOn("Shelf/db-migrate"));

        Assert.Equal(
            """
            /p/doc0.yaml:7:37: DCL202 Dependency is not in the project
              declarative.dev/depends-on names Shelf/db-migrate, which is not in the project.
              Add Shelf/db-migrate to the project, or remove it from declarative.dev/depends-on.

            """,
            PrintAll(result.Diagnostics));
    }

    [Fact]
    public void Reports_an_annotation_that_is_not_a_string()
    {
        var result = Build(BoxWithDependsOn.Replace("\"{0}\"", "[\"Box/b\"]", StringComparison.Ordinal), Doc("Box", "b"));

        Assert.Equal(
            """
            /p/doc0.yaml:7:37: DCL204 Invalid depends-on annotation
              The annotation declarative.dev/depends-on must be a string.
              Write it as a quoted, comma-separated list such as "Job/db-migrate, Deployment.apps/web".

            """,
            PrintAll(result.Diagnostics));
    }

    private static string WithDependsOn(string value) => BoxWithDependsOn.Replace("{0}", value, StringComparison.Ordinal);
}
