using Declarative.Core.Manifests;
using static Declarative.Core.Tests.Manifests.Yaml.YamlReading;

namespace Declarative.Core.Tests.Manifests.Yaml;

public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("a:\n\tb: 1\n", "2:1")]
    [InlineData("a:\n  b: 1\n\tc: 2\n", "3:1")]
    [InlineData("\tkey: 1\n", "1:1")]
    [InlineData("list:\n  - a\n  \t- b\n", "3:3")]
    public void Reports_a_tab_in_the_indentation_at_the_tab(string yaml, string at)
    {
        var error = SingleError(yaml);

        Assert.Equal("Tab used for indentation", error.Summary);
        Assert.Equal(at, At(error));
        Assert.Equal("Replace the tab with spaces.", error.Detail[^1]);
    }

    [Fact]
    public void Accepts_a_tab_between_a_key_and_its_value()
    {
        Assert.Equal("b", Single("a:\tb\n").Root!["a"]!.GetValue<string>());
    }

    [Fact]
    public void Reports_a_duplicate_key_at_the_second_key_naming_the_first()
    {
        var error = SingleError("metadata:\n  name: a\n  labels: {}\n  name: b\n");

        Assert.Equal("Duplicate key \"name\"", error.Summary);
        Assert.Equal("4:3", At(error));
        Assert.Contains("line 2, column 3", error.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_keys_that_read_the_same_as_duplicates()
    {
        var error = SingleError("1: a\n0x1: b\n");

        Assert.Equal("Duplicate key \"1\"", error.Summary);
        Assert.Equal("2:1", At(error));
    }

    [Theory]
    [InlineData("a: 'open\nb: 2\n", "1:4")]
    [InlineData("a: 1\nb: \"open\nc: 2\n", "2:4")]
    public void Reports_an_unclosed_quote_where_the_string_starts(string yaml, string at)
    {
        var error = SingleError(yaml);

        Assert.Equal("Quoted string is not closed", error.Summary);
        Assert.Equal(at, At(error));
    }

    [Theory]
    [InlineData("a:\n  b: 1\n c: 2\n", "Line does not fit the mapping around it", "3:2")]
    [InlineData("a: b: c\n", "Key and value not allowed here", "1:5")]
    [InlineData("key: value\n  bad: 2\n", "Key and value not allowed here", "2:6")]
    [InlineData("- a\nb: 1\n", "Expected a list item", "2:1")]
    [InlineData("a: {x: 1\n", "Flow mapping is not closed", "2:1")]
    [InlineData("a: @x\n", "Value cannot start with '@'", "1:4")]
    public void Rewrites_parser_errors_into_plain_words_at_the_exact_place(string yaml, string summary, string at)
    {
        var error = SingleError(yaml);

        Assert.Equal(summary, error.Summary);
        Assert.Equal(at, At(error));
        Assert.Equal(SourceFile, error.Location!.File);
        Assert.True(error.Detail.Length >= 2);
        Assert.DoesNotContain("While scanning", error.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_mapping_used_as_a_key()
    {
        var error = SingleError("? [a, b]\n: 1\n");

        Assert.Equal("Mapping key is not a scalar", error.Summary);
        Assert.Equal("1:3", At(error));
    }

    [Fact]
    public void Never_throws_on_garbage()
    {
        var result = YamlDocumentReader.Read("{[}]: - ? \"\n\t&&& *\n", SourceFile);

        Assert.NotEmpty(result.Diagnostics);
    }
}
