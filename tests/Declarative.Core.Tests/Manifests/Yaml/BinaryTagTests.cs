using static Declarative.Core.Tests.Manifests.Yaml.YamlReading;

namespace Declarative.Core.Tests.Manifests.Yaml;

public sealed class BinaryTagTests
{
    [Theory]
    [InlineData("!!binary aGVsbG8=", "hello")]
    [InlineData("!!binary \"aGVsbG8=\"", "hello")]
    [InlineData("!<tag:yaml.org,2002:binary> aGVsbG8=", "hello")]
    [InlineData("!!binary ''", "")]
    [InlineData("!!binary w6low6k=", "\u00e9h\u00e9")]
    public void Decodes_a_binary_value_to_the_text_kubectl_sends(string scalar, string text) =>
        Assert.Equal(text, Value(scalar)!.GetValue<string>());

    [Fact]
    public void Decodes_base64_written_over_several_lines_of_a_literal_block()
    {
        var root = Single("data:\n  bin: !!binary |\n    aGVs\n    bG8g\n    d29ybGQ=\n").Root!;

        Assert.Equal("hello world", root["data"]!["bin"]!.GetValue<string>());
    }

    [Fact]
    public void Decodes_a_binary_mapping_key()
    {
        var root = Single("!!binary a2V5: v\n").Root!.AsObject();

        Assert.Equal("key", Assert.Single(root).Key);
    }

    [Theory]
    [InlineData("!!binary ==")]
    [InlineData("!!binary aGVsbG8")]
    [InlineData("!!binary not*base64")]
    public void Rejects_a_binary_value_that_is_not_base64_at_the_value(string scalar)
    {
        var error = SingleError($"a: 1\nb: {scalar}\n");

        Assert.Equal("Invalid base64 in a !!binary value", error.Summary);
        Assert.Equal("2:4", At(error));
        Assert.StartsWith("Fix the base64 text", error.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_plain_binary_value_whose_lines_fold_into_spaces_as_kubectl_does()
    {
        var error = SingleError("bin: !!binary\n  aGVs\n  bG8=\n");

        Assert.Equal("Invalid base64 in a !!binary value", error.Summary);
    }
}
