using System.Text.Json;
using System.Text.Json.Nodes;
using static Declarative.Core.Tests.Manifests.Yaml.YamlReading;

namespace Declarative.Core.Tests.Manifests.Yaml;

public sealed class ScalarResolutionTests
{
    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("")]
    [InlineData("!!null ''")]
    public void Reads_null_spellings_as_json_null(string scalar) => Assert.Null(Value(scalar));

    [Theory]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("YES")]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("on")]
    [InlineData("On")]
    [InlineData("ON")]
    [InlineData("!!bool yes")]
    public void Reads_yaml_1_1_true_spellings_as_true(string scalar) => Assert.Equal("true", Json(Value(scalar)));

    [Theory]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData("no")]
    [InlineData("No")]
    [InlineData("NO")]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    [InlineData("off")]
    [InlineData("Off")]
    [InlineData("OFF")]
    public void Reads_yaml_1_1_false_spellings_as_false(string scalar) => Assert.Equal("false", Json(Value(scalar)));

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-17", "-17")]
    [InlineData("+5", "5")]
    [InlineData("1_000_000", "1000000")]
    [InlineData("0644", "420")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("-0x10", "-16")]
    [InlineData("0b101", "5")]
    [InlineData("0", "0")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("!!int \"12\"", "12")]
    public void Reads_integers_like_goyaml(string scalar, string json) => Assert.Equal(json, Json(Value(scalar)));

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData(".5", "0.5")]
    [InlineData("1e3", "1000")]
    [InlineData("1.0", "1")]
    [InlineData("2.5e-3", "0.0025")]
    [InlineData("08", "8")]
    [InlineData("!!float 3", "3")]
    public void Reads_floats_and_writes_whole_ones_as_integers_like_sigs_yaml(string scalar, string json) =>
        Assert.Equal(json, Json(Value(scalar)));

    [Fact]
    public void Reads_integers_beyond_uint64_as_doubles_without_failing()
    {
        var value = Value("123456789012345678901234567890");

        Assert.Equal(JsonValueKind.Number, value!.GetValueKind());
        Assert.Equal(1.2345678901234568e29, value.GetValue<double>());
    }

    [Theory]
    [InlineData("2001-12-14")]
    [InlineData("2001-12-14T21:59:43.10-05:00")]
    [InlineData("190:20:30")]
    [InlineData("0x")]
    [InlineData("0xFFFFFFFFFFFFFFFFFF")]
    [InlineData("1e400")]
    [InlineData("yES")]
    [InlineData("nope")]
    [InlineData("1.2.3")]
    [InlineData("-x")]
    [InlineData("._5")]
    [InlineData("<<")]
    public void Keeps_everything_else_as_a_string(string scalar) => Assert.Equal(scalar, Value(scalar)!.GetValue<string>());

    [Theory]
    [InlineData("\"0644\"", "0644")]
    [InlineData("'yes'", "yes")]
    [InlineData("\"null\"", "null")]
    [InlineData("''", "")]
    [InlineData("\"1e3\"", "1e3")]
    [InlineData("!!str 5", "5")]
    [InlineData("!!str true", "true")]
    [InlineData("!custom 7", "7")]
    public void Keeps_quoted_and_str_tagged_scalars_as_strings(string scalar, string text) =>
        Assert.Equal(text, Value(scalar)!.GetValue<string>());

    [Fact]
    public void Keeps_block_scalars_as_strings()
    {
        var root = Single("a: |\n  on\nb: >-\n  0644\n  true\n").Root!;

        Assert.Equal("on\n", root["a"]!.GetValue<string>());
        Assert.Equal("0644 true", root["b"]!.GetValue<string>());
    }

    [Fact]
    public void Turns_non_string_keys_into_strings()
    {
        var root = Single("1: a\ntrue: b\n0x10: c\n1.5: d\nno: e\n1e6: f\n").Root!.AsObject();

        Assert.Equal(["1", "true", "16", "1.5", "false", "1e+06"], root.Select(p => p.Key));
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".nan")]
    public void Rejects_infinity_and_nan_which_json_cannot_hold(string scalar)
    {
        var error = SingleError($"v: {scalar}\n");

        Assert.Equal("Infinity or NaN is not allowed", error.Summary);
        Assert.Equal("1:4", At(error));
    }

    [Fact]
    public void Rejects_a_value_that_does_not_fit_its_tag()
    {
        var error = SingleError("a: 1\nb: !!int abc\n");

        Assert.Equal("Value does not match its tag !!int", error.Summary);
        Assert.Equal("2:4", At(error));
    }

    [Fact]
    public void Rejects_a_null_key()
    {
        var error = SingleError("~: x\n");

        Assert.Equal("Mapping key is null", error.Summary);
    }

    [Fact]
    public void Reads_a_whole_document_into_json_objects_and_arrays()
    {
        var root = Single("a: [1, two, {b: ~}]\nc: {}\nd: []\n").Root;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":[1,"two",{"b":null}],"c":{},"d":[]}"""), root));
    }
}
