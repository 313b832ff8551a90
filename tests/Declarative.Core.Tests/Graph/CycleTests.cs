using static Declarative.Core.Tests.Graph.GraphFixture;

namespace Declarative.Core.Tests.Graph;

public sealed class CycleTests
{
    [Fact]
    public void Reports_a_resource_that_depends_on_itself_as_a_self_reference()
    {
        var result = Build(Doc("Box", "a", dependsOn: "Box/a"));

        Assert.Equal(
            """
            /p/doc0.yaml:1:61: DCL201 Self reference
              Box.test.dev/dflt/a -> Box.test.dev/dflt/a (declarative.dev/depends-on names Box/a)
              Remove this dependency: a resource cannot be applied after itself.

            """,
            PrintAll(result.Diagnostics));
    }

    [Fact]
    public void Reports_a_two_resource_cycle_once_starting_at_the_smallest_address()
    {
        var result = Build(
            Doc("Box", "b", spec: """{"shelf":"a"}"""),
            Doc("Shelf", "a", dependsOn: "Box/dflt/b"));

        Assert.Equal(
            """
            /p/doc0.yaml:1:61: DCL201 Dependency cycle
              Box.test.dev/dflt/b -> Shelf.test.dev/a (spec.shelf names Shelf a)
              Shelf.test.dev/a -> Box.test.dev/dflt/b (declarative.dev/depends-on names Box/dflt/b)
              Remove one of these dependencies to break the cycle.

            """,
            PrintAll(result.Diagnostics));
    }

    [Fact]
    public void Reports_a_three_resource_cycle_in_reading_order_whatever_the_document_order()
    {
        var result = Build(
            Doc("Box", "c", dependsOn: "Box/a"),
            Doc("Box", "b", dependsOn: "Box/c"),
            Doc("Box", "a", dependsOn: "Box/b"),
            Doc("Box", "after", dependsOn: "Box/a"));

        Assert.Equal(
            """
            /p/doc2.yaml:1:61: DCL201 Dependency cycle
              Box.test.dev/dflt/a -> Box.test.dev/dflt/b (declarative.dev/depends-on names Box/b)
              Box.test.dev/dflt/b -> Box.test.dev/dflt/c (declarative.dev/depends-on names Box/c)
              Box.test.dev/dflt/c -> Box.test.dev/dflt/a (declarative.dev/depends-on names Box/a)
              Remove one of these dependencies to break the cycle.

            """,
            PrintAll(result.Diagnostics));
        Assert.Equal(
            ["Box.test.dev/dflt/a", "Box.test.dev/dflt/after", "Box.test.dev/dflt/b", "Box.test.dev/dflt/c"],
            result.Value.Order.Select(a => a.ToString()));
    }

    [Fact]
    public void Reports_the_shortest_cycle_through_the_smallest_address_once_per_component()
    {
        // a -> b -> a and a -> c -> d -> a share one component; only the two-edge cycle is printed.
        var result = Build(
            Doc("Box", "a", dependsOn: "Box/c, Box/b"),
            Doc("Box", "b", dependsOn: "Box/a"),
            Doc("Box", "c", dependsOn: "Box/d"),
            Doc("Box", "d", dependsOn: "Box/a"));

        var cycle = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ["Box.test.dev/dflt/a -> Box.test.dev/dflt/b (declarative.dev/depends-on names Box/b)", "Box.test.dev/dflt/b -> Box.test.dev/dflt/a (declarative.dev/depends-on names Box/a)"],
            cycle.Detail.Take(2));
    }
}
