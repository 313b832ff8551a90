using System.Text.RegularExpressions;
using Declarative.Providers.Kubernetes.State;

namespace Declarative.Providers.Kubernetes.Tests.State;

public sealed partial class StateObjectNamesTests
{
    [Fact]
    public void Plain_names_read_as_project_environment_revision_generation_and_part()
    {
        var names = new StateObjectNames("shop", "dev");

        Assert.Equal("decl.shop.dev", names.Lease);
        Assert.Equal("decl.shop.dev.r000012", names.Head(12));
        Assert.Equal("decl.shop.dev.r000012.g2.p0", names.Part(12, 2, 0));
        Assert.Equal("decl.shop.dev.r000012.g2.j000003.p1", names.JournalPart(12, 2, 3, 1));
    }

    [Theory]
    [InlineData("My_App", "dev", "my-app", "dev")]
    [InlineData("a.b", "c", "a", "b.c")]
    [InlineData("shop", "Dev", "shop", "dev")]
    public void Names_that_are_not_dns_labels_are_hashed_and_never_meet_another_environment(string project1, string env1, string project2, string env2)
    {
        var first = new StateObjectNames(project1, env1);
        var second = new StateObjectNames(project2, env2);

        Assert.NotEqual(first.Lease, second.Lease);
        Assert.Matches(DnsSubdomain(), first.Part(999999, 99, 99));
        Assert.Matches(DnsSubdomain(), second.JournalPart(999999, 99, 999999, 99));
    }

    [Fact]
    public void The_longest_names_stay_valid_secret_names()
    {
        var project = new string('p', 63);
        var environment = "E_" + new string('e', 61);

        var name = new StateObjectNames(project, environment).JournalPart(1_000_000, 1000, 1_000_000, 100);

        Assert.True(name.Length <= 253, $"{name.Length} characters");
        Assert.Matches(DnsSubdomain(), name);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
