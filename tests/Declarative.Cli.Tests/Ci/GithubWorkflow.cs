using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Declarative.Cli.Tests.Ci;

/// <summary>
/// A GitHub Actions workflow file as the tests read it: the YAML tree, its jobs, which job an event runs (the
/// <c>if:</c> conditions this workflow uses: <c>github.event_name == '...'</c> and <c>github.ref == '...'</c>
/// joined by <c>&amp;&amp;</c> and <c>||</c>), and the <c>${{ }}</c> expressions it uses.
/// </summary>
internal sealed partial class GithubWorkflow
{
    private GithubWorkflow(YamlMappingNode root)
    {
        Root = root;
    }

    public YamlMappingNode Root { get; }

    public YamlMappingNode Jobs => (YamlMappingNode)Root.Children[new YamlScalarNode("jobs")];

    /// <summary>Parses the file; a file that is not exactly one YAML mapping fails the test.</summary>
    public static GithubWorkflow Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var document = Assert.Single(stream.Documents);
        return new GithubWorkflow(Assert.IsType<YamlMappingNode>(document.RootNode));
    }

    public YamlMappingNode Job(string id) => (YamlMappingNode)Jobs.Children[new YamlScalarNode(id)];

    /// <summary>The ids of the jobs whose <c>if:</c> holds for <paramref name="eventName"/> on <paramref name="gitRef"/>.</summary>
    public IReadOnlyList<string> JobsFor(string eventName, string gitRef) =>
    [
        .. Jobs.Children
            .Where(job => !((YamlMappingNode)job.Value).Children.TryGetValue(new YamlScalarNode("if"), out var condition)
                || Holds(((YamlScalarNode)condition).Value!, eventName, gitRef))
            .Select(job => ((YamlScalarNode)job.Key).Value!),
    ];

    /// <summary>Every <c>${{ expression }}</c> in the file, as written inside the braces.</summary>
    public static IEnumerable<string> Expressions(string text) => Expression().Matches(text).Select(m => m.Groups["expression"].Value);

    /// <summary><paramref name="text"/> with each <c>${{ expression }}</c> replaced by its value; an expression the test
    /// does not know fails it, so the workflow cannot grow one the script test does not exercise.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> values) =>
        Expression().Replace(text, m => values.TryGetValue(m.Groups["expression"].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The workflow uses ${{{{ {m.Groups["expression"].Value} }}}}, which the script test does not provide."));

    private static bool Holds(string condition, string eventName, string gitRef) =>
        condition.Split("||").Any(any => any.Split("&&").All(all =>
        {
            var comparison = Comparison().Match(all.Trim());
            Assert.True(comparison.Success, $"The test cannot evaluate the condition \"{all.Trim()}\".");
            var actual = comparison.Groups["name"].Value switch
            {
                "github.event_name" => eventName,
                "github.ref" => gitRef,
                var other => throw new InvalidOperationException($"The test cannot evaluate {other}."),
            };
            return actual == comparison.Groups["value"].Value;
        }));

    [GeneratedRegex(@"\$\{\{\s*(?<expression>.+?)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^(?<name>[a-z_.]+) == '(?<value>[^']*)'$")]
    private static partial Regex Comparison();
}
