using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class TemplateFunctionTests
{
    private const string Values = """{"name": "web", "empty": "", "none": null, "off": false, "zero": 0, "text": "line one\nline two"}""";

    [Theory]
    [InlineData("{{ default values.name \"x\" }}", "web")]
    [InlineData("{{ default values.missing \"x\" }}", "x")]
    [InlineData("{{ default values.none \"x\" }}", "x")]
    [InlineData("{{ default values.empty \"x\" }}", "x")]
    [InlineData("{{ default values.off \"x\" }}", "false")]
    [InlineData("{{ default values.zero 5 }}", "0")]
    [InlineData("{{ default values.missing 5 }}", "5")]
    [InlineData("{{ default values.off true }}", "false")]
    [InlineData("{{ values.missing | default true }}", "true")]
    [InlineData("{{ values.empty | default \"x\" | quote }}", "\"x\"")]
    public void Default_uses_the_fallback_only_for_undefined_null_or_empty_values(string template, string expected)
    {
        Assert.Equal(expected, Text(template, Values));
    }

    [Theory]
    [InlineData("{{ required values.name \"Set name.\" }}")]
    [InlineData("{{ values.name | required \"Set name.\" }}")]
    public void Required_passes_a_present_value_through(string template)
    {
        Assert.Equal("web", Text(template, Values));
    }

    [Theory]
    [InlineData("{{ required values.empty \"Set it.\" }}")]
    [InlineData("{{ values.none | required \"Set it.\" }}")]
    public void Required_rejects_empty_and_null_values(string template)
    {
        var result = Render(template, Values);

        Assert.Equal(DiagnosticCodes.RequiredValueMissing, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("{{ indent 4 values.text }}")]
    [InlineData("{{ values.text | indent 4 }}")]
    public void Indent_indents_every_line_called_or_piped(string template)
    {
        Assert.Equal("    line one\n    line two", Text(template, Values));
    }

    [Theory]
    [InlineData("data:{{ nindent 2 values.text }}")]
    [InlineData("data:{{ values.text | nindent 2 }}")]
    public void Nindent_starts_a_new_line_then_indents(string template)
    {
        Assert.Equal("data:\n  line one\n  line two", Text(template, Values));
    }

    [Fact]
    public void B64enc_encodes_the_utf8_text()
    {
        Assert.Equal("password: aMOpbGxv aMOpbGxv", Text("password: {{ b64enc values.secret }} {{ values.secret | b64enc }}", """{"secret": "héllo"}"""));
    }

    [Theory]
    [InlineData("""{"v": "say \"hi\"\\now\nnext"}""", "\"say \\\"hi\\\"\\\\now\\nnext\"")]
    [InlineData("""{"v": 3}""", "\"3\"")]
    [InlineData("""{"v": true}""", "\"true\"")]
    [InlineData("""{"v": null}""", "\"\"")]
    [InlineData("""{"v": "<é>"}""", "\"<é>\"")]
    public void Quote_writes_an_escaped_double_quoted_string(string values, string expected)
    {
        Assert.Equal(expected, Text("{{ values.v | quote }}", values));
    }

    [Fact]
    public void Pipes_chain_as_helm_users_write_them()
    {
        Assert.Equal("level: \"info\"", Text("level: {{ values.logLevel | default \"info\" | quote }}"));
    }

    [Fact]
    public void EnvVar_reads_the_injected_environment_and_falls_back()
    {
        var variables = ImmutableDictionary<string, string>.Empty.Add("BUILD_ID", "42");

        var result = Render("id: {{ envVar \"BUILD_ID\" }}\nuser: {{ envVar \"DEPLOY_USER\" \"ci\" }}\npiped: {{ \"DEPLOY_USER\" | envVar \"cd\" }}", environmentVariables: variables);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("id: 42\nuser: ci\npiped: cd", result.Value.Text);
    }

    [Fact]
    public void EnvVar_reports_a_missing_variable_by_name()
    {
        var result = Render("a: 1\ntoken: {{ envVar \"API_TOKEN\" }}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateHelperFailed, diagnostic.Code);
        Assert.Equal(new SourceLocation(SourceFile, 2, 8), diagnostic.Location);
        Assert.Contains("API_TOKEN is not set", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Contains("API_TOKEN", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: {{ indent 2 }}", "`indent N TEXT`")]
    [InlineData("a: {{ default values.name }}", "`default VALUE FALLBACK`")]
    [InlineData("a: {{ quote values.name values.name }}", "`quote VALUE`")]
    [InlineData("a: {{ required values.name }}", "`required VALUE \"message\"`")]
    [InlineData("a: {{ required values.name 5 }}", "`required VALUE \"message\"`")]
    [InlineData("a: {{ indent \"two\" values.name }}", "`indent N TEXT`")]
    [InlineData("a: {{ values.name | indent 5000 }}", "`TEXT | indent N`")]
    [InlineData("a: {{ envVar values.zero }}", "`envVar \"NAME\"")]
    [InlineData("a: {{ toYaml }}", "`toYaml VALUE`")]
    public void Reports_a_function_called_wrongly_at_the_expression(string template, string usage)
    {
        var result = Render(template, Values);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DCL113 1:4", Describe([diagnostic]).Single());
        Assert.Contains(usage, diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_function_called_wrongly_in_one_run()
    {
        var result = Render("a: {{ indent 2 }}\nb: {{ quote }}\nc: {{ envVar \"NOPE\" }}", Values);

        Assert.Equal(["DCL113 1:4", "DCL113 2:4", "DCL113 3:4"], Describe(result.Diagnostics));
    }

    [Fact]
    public void ToYaml_writes_a_map_as_block_yaml_without_a_trailing_newline()
    {
        Assert.Equal("a: 1\nb:\n- x", Text("{{ toYaml values.m }}", """{"m": {"a": 1, "b": ["x"]}}"""));
    }

    [Fact]
    public void ToYaml_with_nindent_nests_a_map_under_a_key()
    {
        Assert.Equal("spec:\n  a: 1\n  b:\n  - x\nend: 1", Text("spec:{{ values.m | toYaml | nindent 2 }}\nend: 1", """{"m": {"a": 1, "b": ["x"]}}"""));
    }

    [Theory]
    [InlineData("{{ values.name | string.upcase }}", "WEB")]
    [InlineData("{{ values.name | string.replace \"w\" \"W\" | string.append \"-1\" }}", "Web-1")]
    [InlineData("{{ (\"a,b\" | string.split \",\").size }}", "2")]
    [InlineData("{{ values.zero | math.plus 2 }}", "2")]
    [InlineData("{{ 7 | math.divided_by 2 | math.floor }}", "3")]
    [InlineData("{{ \"x\" | string.sha256 | string.size }}", "64")]
    public void Reviewed_string_and_math_built_ins_work(string template, string expected)
    {
        Assert.Equal(expected, Text(template, Values));
    }
}
