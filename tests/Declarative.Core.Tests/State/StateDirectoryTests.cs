using Declarative.Core.State;

namespace Declarative.Core.Tests.State;

public sealed class StateDirectoryTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "project");

    [Fact]
    public void Keeps_state_under_the_project_by_default()
    {
        var folder = LocalStateStore.DirectoryFor(Root, "prod", new Dictionary<string, string>());

        Assert.Equal(Path.Combine(Root, ".declarative", "state", "prod"), folder);
    }

    [Fact]
    public void Uses_DECLARATIVE_STATE_DIR_when_set()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "shared-state");

        var folder = LocalStateStore.DirectoryFor(Root, "prod", new Dictionary<string, string> { ["DECLARATIVE_STATE_DIR"] = elsewhere });

        Assert.Equal(Path.Combine(elsewhere, "prod"), folder);
    }

    [Fact]
    public void Takes_a_relative_DECLARATIVE_STATE_DIR_from_the_project_root()
    {
        var folder = LocalStateStore.DirectoryFor(Root, "prod", new Dictionary<string, string> { ["DECLARATIVE_STATE_DIR"] = "ci-state" });

        Assert.Equal(Path.Combine(Root, "ci-state", "prod"), folder);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Refuses_an_environment_name_that_would_leave_the_state_folder(string environment) =>
        Assert.Throws<ArgumentException>(() => LocalStateStore.DirectoryFor(Root, environment, new Dictionary<string, string>()));
}
