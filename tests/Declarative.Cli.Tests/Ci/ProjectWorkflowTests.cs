using Declarative.Testing;
using YamlDotNet.RepresentationModel;

namespace Declarative.Cli.Tests.Ci;

/// <summary>
/// The project's own GitHub workflows (.github/workflows): every file is one valid YAML mapping with triggers and jobs
/// whose steps are well formed; CI runs on push and pull request with .NET 10 and runs exactly the test command the
/// README gives (read from the README, so the two cannot drift apart); a v* tag packs the tool with scripts/pack.sh,
/// uploads the packages and attaches them to the release.
/// </summary>
public sealed class ProjectWorkflowTests
{
    private static string WorkflowsFolder => Path.Combine(TestPaths.RepositoryRoot, ".github", "workflows");

    public static TheoryData<string> WorkflowFiles() => new(WorkflowFileNames());

    [Fact]
    public void The_project_has_a_ci_and_a_release_workflow()
    {
        Assert.Equal(["ci.yml", "release.yml"], WorkflowFileNames());
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_workflow_is_valid_github_actions_syntax(string file)
    {
        var workflow = GithubWorkflow.Load(Path.Combine(WorkflowsFolder, file));

        Assert.True(workflow.Root.Children.ContainsKey(new YamlScalarNode("name")), $"{file} has no name.");
        Assert.True(workflow.Root.Children.TryGetValue(new YamlScalarNode("on"), out var on), $"{file} has no 'on' triggers.");
        Assert.NotEmpty(Assert.IsType<YamlMappingNode>(on).Children);
        Assert.NotEmpty(workflow.Jobs.Children);
        foreach (var (id, node) in workflow.Jobs.Children)
        {
            var job = Assert.IsType<YamlMappingNode>(node);
            Assert.Equal("ubuntu-latest", Scalar(job, "runs-on"));
            foreach (var step in Steps(job))
            {
                var kinds = new[] { "uses", "run" }.Count(k => step.Children.ContainsKey(new YamlScalarNode(k)));
                Assert.True(kinds == 1, $"A step of job {id} in {file} must have either uses or run: {step}");
                if (Scalar(step, "uses") is { } action)
                {
                    Assert.Matches(@"^[\w.-]+/[\w.-]+@v\d+$", action);
                }
            }
        }
    }

    [Fact]
    public void Ci_runs_the_readme_test_command_with_dotnet_10_on_every_push_and_pull_request()
    {
        var workflow = GithubWorkflow.Load(Path.Combine(WorkflowsFolder, "ci.yml"));

        Assert.Equal(["push", "pull_request"], Triggers(workflow));
        var steps = Steps(Assert.Single(workflow.Jobs.Children).Value).ToList();
        AssertSetsUpDotnet10(steps);
        var test = Assert.Single(steps, step => Scalar(step, "run") is not null);
        Assert.Equal(ReadmeTestCommand(), Scalar(test, "run"));
        Assert.Equal("true", Scalar(Assert.IsType<YamlMappingNode>(test.Children[new YamlScalarNode("env")]), "CI"));
        Assert.True(steps.IndexOf(test) > steps.FindIndex(step => Scalar(step, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true), "The tests run before .NET is set up.");
    }

    [Fact]
    public void Release_packs_the_tool_on_a_version_tag_and_attaches_the_packages_to_the_release()
    {
        var workflow = GithubWorkflow.Load(Path.Combine(WorkflowsFolder, "release.yml"));

        Assert.Equal(["push"], Triggers(workflow));
        var push = Assert.IsType<YamlMappingNode>(((YamlMappingNode)workflow.Root.Children[new YamlScalarNode("on")]).Children[new YamlScalarNode("push")]);
        Assert.Equal(["v*"], Assert.IsType<YamlSequenceNode>(push.Children[new YamlScalarNode("tags")]).Children.Select(t => ((YamlScalarNode)t).Value));
        Assert.Equal("write", Scalar(Assert.IsType<YamlMappingNode>(workflow.Root.Children[new YamlScalarNode("permissions")]), "contents"));

        var steps = Steps(Assert.Single(workflow.Jobs.Children).Value).ToList();
        AssertSetsUpDotnet10(steps);
        var checkout = Assert.Single(steps, step => Scalar(step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Equal("0", Scalar(Assert.IsType<YamlMappingNode>(checkout.Children[new YamlScalarNode("with")]), "fetch-depth"));
        var pack = Assert.Single(steps, step => Scalar(step, "run") is not null);
        Assert.Equal("scripts/pack.sh artifacts", Scalar(pack, "run"));
        Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "scripts", "pack.sh")));

        var upload = Assert.Single(steps, step => Scalar(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("artifacts/*.nupkg", Scalar(With(upload), "path"));
        var release = Assert.Single(steps, step => Scalar(step, "uses")?.StartsWith("softprops/action-gh-release@", StringComparison.Ordinal) == true);
        Assert.Equal("artifacts/*.nupkg", Scalar(With(release), "files"));
        Assert.True(steps.IndexOf(pack) < steps.IndexOf(upload) && steps.IndexOf(pack) < steps.IndexOf(release), "The packages are attached before they are packed.");
    }

    private static List<string> WorkflowFileNames() =>
        [.. Directory.EnumerateFiles(WorkflowsFolder, "*.y*ml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The command of the README's "The two commands" block that runs the tests, without its comment.</summary>
    internal static string ReadmeTestCommand()
    {
        var line = Assert.Single(
            File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "README.md")),
            l => l.StartsWith("scripts/test.sh", StringComparison.Ordinal));
        var comment = line.IndexOf('#', StringComparison.Ordinal);
        return (comment < 0 ? line : line[..comment]).Trim();
    }

    private static void AssertSetsUpDotnet10(IEnumerable<YamlMappingNode> steps)
    {
        var setup = Assert.Single(steps, step => Scalar(step, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.Equal("10.0.x", Scalar(With(setup), "dotnet-version"));
    }

    private static IReadOnlyList<string?> Triggers(GithubWorkflow workflow) =>
        [.. Assert.IsType<YamlMappingNode>(workflow.Root.Children[new YamlScalarNode("on")]).Children.Keys.Select(k => ((YamlScalarNode)k).Value)];

    private static IEnumerable<YamlMappingNode> Steps(YamlNode job) =>
        Assert.IsType<YamlSequenceNode>(((YamlMappingNode)job).Children[new YamlScalarNode("steps")]).Children.Select(Assert.IsType<YamlMappingNode>);

    private static YamlMappingNode With(YamlMappingNode step) => Assert.IsType<YamlMappingNode>(step.Children[new YamlScalarNode("with")]);

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
