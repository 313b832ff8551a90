using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Core.Tests.Planning;

public sealed class FieldDifferRobustnessTests
{
    private static readonly string[] Keys = ["containers", "env", "ports", "name", "containerPort", "protocol", "data", "a.b/c", "value"];

    [Fact]
    public void Never_throws_and_finds_no_diff_between_a_tree_and_its_copy_for_random_trees()
    {
        // A fixed seed keeps the run reproducible; the trees mix keyed list names, duplicates, nulls and type clashes.
        var random = new Random(20240613);
        for (var round = 0; round < 500; round++)
        {
            var before = Tree(random, depth: 4);
            var after = Tree(random, depth: 4);
            var options = new DiffOptions(Scope: Tree(random, depth: 3), SensitivePaths: ["data"], IgnoredPaths: ["env"], UnknownPointers: ["/containers/0/name"]);

            var diffs = FieldDiffer.Diff(before, after, options);

            Assert.All(diffs, d => Assert.True(!d.Sensitive || (d.Before is null && d.After is null)));
            Assert.Empty(FieldDiffer.Diff(after, after?.DeepClone(), DiffOptions.Default));
        }
    }

    private static JsonNode? Tree(Random random, int depth) => random.Next(depth <= 0 ? 3 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(3)),
        2 => JsonValue.Create(random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        3 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => Tree(random, depth - 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(5))
            .Select(_ => Keys[random.Next(Keys.Length)]).Distinct(StringComparer.Ordinal)
            .Select(key => KeyValuePair.Create(key, Tree(random, depth - 1)))),
    };
}
