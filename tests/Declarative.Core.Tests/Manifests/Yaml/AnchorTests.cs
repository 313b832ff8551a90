using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using static Declarative.Core.Tests.Manifests.Yaml.YamlReading;

namespace Declarative.Core.Tests.Manifests.Yaml;

public sealed class AnchorTests
{
    [Fact]
    public void Expands_aliases_into_independent_copies()
    {
        var root = Single("base: &b {x: 1, y: [2]}\ncopy: *b\nnum: &n 0644\nagain: *n\n").Root!;

        Assert.True(JsonNode.DeepEquals(root["base"], root["copy"]));
        Assert.NotSame(root["base"], root["copy"]);
        Assert.Equal(420, root["again"]!.GetValue<long>());
    }

    [Fact]
    public void Merges_a_mapping_and_lets_written_keys_win_wherever_they_stand()
    {
        const string yaml = """
            base: &base
              image: nginx
              replicas: 1
            app:
              replicas: 3
              <<: *base
              name: web
            """;

        var app = Single(yaml).Root!["app"];

        Assert.Equal("""{"replicas":3,"image":"nginx","name":"web"}""", Json(app));
    }

    [Fact]
    public void Merges_a_list_of_aliases_with_the_earlier_one_winning()
    {
        const string yaml = """
            a: &a {p: 1, q: 1}
            b: &b {q: 2, r: 2}
            c:
              <<: [*a, *b, {s: 3}]
            """;

        Assert.Equal("""{"p":1,"q":1,"r":2,"s":3}""", Json(Single(yaml).Root!["c"]));
    }

    [Fact]
    public void Gives_merged_values_the_position_of_their_anchored_definition()
    {
        var source = Single("base: &base\n  image: nginx\napp:\n  <<: *base\n").Source;

        Assert.Equal(new SourcePosition(2, 10), source.ValuePositions["/app/image"]);
        Assert.Equal(new SourcePosition(2, 3), source.KeyPositions["/app/image"]);
    }

    [Fact]
    public void Gives_an_alias_value_the_position_of_the_alias()
    {
        var source = Single("a: &v 5\nb: *v\n").Source;

        Assert.Equal(new SourcePosition(2, 4), source.ValuePositions["/b"]);
    }

    [Fact]
    public void Reports_a_merge_of_something_that_is_not_a_mapping()
    {
        var error = SingleError("a: &s text\nb:\n  <<: *s\n");

        Assert.Equal("Merge key needs a mapping", error.Summary);
        Assert.Equal("3:7", At(error));
    }

    [Fact]
    public void Keeps_a_quoted_merge_key_as_an_ordinary_key()
    {
        var entry = Assert.Single(Single("\"<<\": x\n").Root!.AsObject());

        Assert.Equal("<<", entry.Key);
        Assert.Equal("x", entry.Value!.GetValue<string>());
    }

    [Fact]
    public void Stops_an_alias_bomb_instead_of_expanding_it()
    {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i < 9; i++)
        {
            var previous = $"*a{i - 1}";
            yaml += $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n";
        }

        var result = YamlDocumentReader.Read(yaml, SourceFile);

        Assert.Contains(result.Diagnostics, d => d.Summary == "Document expands to too many nodes");
    }
}
