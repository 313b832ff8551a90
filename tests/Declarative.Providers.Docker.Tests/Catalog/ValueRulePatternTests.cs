using System.Reflection;
using System.Text.RegularExpressions;
using Declarative.Providers.Docker.Catalog.Schema;
using Declarative.Providers.Docker.Catalog.Syntax;

namespace Declarative.Providers.Docker.Tests.Catalog;

/// <summary>A syntax rule's <see cref="ValueRule.Pattern"/> goes into the JSON Schema: it must accept exactly what the
/// rule's check accepts, read as ECMA-262 (the dialect of JSON Schema) as well as .NET.</summary>
public sealed class ValueRulePatternTests
{
    private static readonly string[] Samples =
    [
        "", " ", "x\n", "web-1", "-web", "web 1", "LOG_LEVEL", "1BAD", "_x", "a.b", "no", "always", "unless-stopped", "on-failure",
        "on-failure:3", "on-failure:", "on-failure:x", "on-failure:1234567890", "sometimes", "0", "30s", "1m30s", "500ms", "1.5h",
        "10µs", "10us", "-1s", "30", "30 seconds", "1.s", "linux/amd64", "linux/arm64/v8", "Linux/AMD64", "linux", "linux/a/b/c",
        "/app", "app", "./app", "1000:1000", "app user", "runtime", "Runtime2", "2runtime", "build.stage-1",
    ];

    public static TheoryData<string> RulesWithAPattern()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Rules())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_rules_that_can_be_regular_expressions_have_one()
    {
        Assert.Equal(
            ["AbsolutePath", "BuildPlatform", "Duration", "NonEmpty", "ObjectName", "Restart", "Stage", "User", "VariableName"],
            Rules().Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RulesWithAPattern))]
    public void The_pattern_accepts_what_the_check_accepts(string name)
    {
        var rule = Rules().Single(r => r.Name == name).Rule;
        var dotnet = new Regex($"^(?:{rule.Pattern})$");
        var ecma = new Regex($"^(?:{rule.Pattern})$", RegexOptions.ECMAScript);
        var accepted = 0;
        foreach (var sample in Samples)
        {
            var valid = rule.FindProblem(sample) is null;
            accepted += valid ? 1 : 0;
            // "$" in .NET also matches before a final line break; the schema sees no such text from YAML scalars.
            if (!sample.EndsWith('\n'))
            {
                Assert.True(valid == dotnet.IsMatch(sample), $"{name}: \"{sample}\" is {(valid ? "valid" : "invalid")} for the check, not for the pattern {rule.Pattern}.");
            }

            if (!sample.Contains('µ', StringComparison.Ordinal) && !sample.EndsWith('\n'))
            {
                Assert.True(valid == ecma.IsMatch(sample), $"{name}: \"{sample}\" is {(valid ? "valid" : "invalid")} for the check, not for the pattern {rule.Pattern} read as ECMA-262.");
            }
        }

        Assert.True(accepted > 0, $"{name}: no sample is valid, so the test proves nothing; add one.");
    }

    private static IEnumerable<(string Name, ValueRule Rule)> Rules() =>
        typeof(ValueRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(ValueRule))
            .Select(field => (field.Name, Rule: (ValueRule)field.GetValue(null)!))
            .Where(rule => rule.Rule.Pattern is not null);
}
