using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class TemplateHelperTests
{
    private const string Values = """{"name": "web", "empty": "", "none": null, "off": false, "zero": 0, "text": "line one\nline two"}""";

    [Theory]
    [InlineData("{{default values.name \"x\"}}", "web")]
    [InlineData("{{default values.missing \"x\"}}", "x")]
    [InlineData("{{default values.none \"x\"}}", "x")]
    [InlineData("{{default values.empty \"x\"}}", "x")]
    [InlineData("{{default values.off \"x\"}}", "false")]
    [InlineData("{{default values.zero 5}}", "0")]
    [InlineData("{{default values.missing 5}}", "5")]
    [InlineData("{{default values.off true}}", "false")]
    [InlineData("{{default values.missing true}}", "true")]
    public void Default_uses_the_fallback_only_for_undefined_null_or_empty_values(string template, string expected)
    {
        Assert.Equal(expected, Text(template, Values));
    }

    [Fact]
    public void Required_passes_a_present_value_through()
    {
        Assert.Equal("web", Text("{{required values.name \"Set name.\"}}", Values));
    }

    [Theory]
    [InlineData("{{required values.empty \"Set it.\"}}")]
    [InlineData("{{required values.none \"Set it.\"}}")]
    public void Required_rejects_empty_and_null_values(string template)
    {
        var result = Render(template, Values);

        Assert.Equal(DiagnosticCodes.RequiredValueMissing, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Indent_indents_every_line()
    {
        Assert.Equal("    line one\n    line two", Text("{{indent 4 values.text}}", Values));
    }

    [Fact]
    public void Nindent_starts_a_new_line_then_indents()
    {
        Assert.Equal("data:\n  line one\n  line two", Text("data:{{nindent 2 values.text}}", Values));
    }

    [Fact]
    public void B64enc_encodes_the_utf8_text()
    {
        Assert.Equal("password: aMOpbGxv", Text("password: {{b64enc values.secret}}", """{"secret": "héllo"}"""));
    }

    [Theory]
    [InlineData("""{"v": "say \"hi\"\\now\nnext"}""", "\"say \\\"hi\\\"\\\\now\\nnext\"")]
    [InlineData("""{"v": 3}""", "\"3\"")]
    [InlineData("""{"v": true}""", "\"true\"")]
    [InlineData("""{"v": null}""", "\"\"")]
    [InlineData("""{"v": "<é>"}""", "\"<é>\"")]
    public void Quote_writes_an_escaped_double_quoted_string(string values, string expected)
    {
        Assert.Equal(expected, Text("{{quote values.v}}", values));
    }

    [Fact]
    public void EnvVar_reads_the_injected_environment_and_falls_back()
    {
        var variables = ImmutableDictionary<string, string>.Empty.Add("BUILD_ID", "42");

        var result = Render("id: {{envVar \"BUILD_ID\"}}\nuser: {{envVar \"DEPLOY_USER\" \"ci\"}}", environmentVariables: variables);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("id: 42\nuser: ci", result.Value.Text);
    }

    [Fact]
    public void EnvVar_reports_a_missing_variable_by_name()
    {
        var result = Render("a: 1\ntoken: {{envVar \"API_TOKEN\"}}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateHelperFailed, diagnostic.Code);
        Assert.Equal(new SourceLocation(SourceFile, 2, 8), diagnostic.Location);
        Assert.Contains("API_TOKEN is not set", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Contains("API_TOKEN", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: {{indent 2}}", "`indent N TEXT`")]
    [InlineData("a: {{default values.name}}", "`default VALUE FALLBACK`")]
    [InlineData("a: {{quote values.name values.name}}", "`quote VALUE`")]
    [InlineData("a: {{required values.name}}", "`required VALUE \"message\"`")]
    [InlineData("a: {{indent \"two\" values.name}}", "`indent N TEXT`")]
    [InlineData("a: {{envVar values.zero}}", "`envVar \"NAME\"")]
    public void Reports_a_helper_called_wrongly_at_the_expression(string template, string usage)
    {
        var result = Render(template, Values);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DCL113 1:4", Describe([diagnostic]).Single());
        Assert.Contains(usage, diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    // Pending the YamlWriter merge: until then YamlWriter.Write throws NotImplementedException.
    [Fact]
    public void ToYaml_writes_a_map_as_block_yaml_without_a_trailing_newline()
    {
        Assert.Equal("a: 1\nb:\n- x", Text("{{toYaml values.m}}", """{"m": {"a": 1, "b": ["x"]}}"""));
    }

    // Pending the YamlWriter merge.
    [Fact]
    public void ToYaml_with_nindent_nests_a_map_under_a_key()
    {
        Assert.Equal("spec:\n  a: 1\n  b:\n  - x\nend: 1", Text("spec:{{nindent 2 (toYaml values.m)}}\nend: 1", """{"m": {"a": 1, "b": ["x"]}}"""));
    }
}
