using Declarative.Core.Manifests;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class LineMapTests
{
    [Fact]
    public void Maps_output_lines_to_source_lines_across_for_and_if()
    {
        const string Template = """
            kind: ConfigMap
            data:
            {{~ for item in values.items ~}}
              {{ item }}: "1"
            {{~ end ~}}
            {{~ if values.debug ~}}
              debug: "true"
            {{~ end ~}}
              last: "1"
            """;

        var result = Render(Template, """{"items": ["a", "b", "c"], "debug": false}""");

        Assert.Equal("kind: ConfigMap\ndata:\n  a: \"1\"\n  b: \"1\"\n  c: \"1\"\n  last: \"1\"", result.Value.Text);
        Assert.Equal([1, 2, 4, 4, 4, 9], SourceLines(result.Value));
    }

    [Fact]
    public void Maps_lines_of_a_multi_line_value_to_its_expression()
    {
        var result = Render("a: 1\nscript: |{{ values.script | nindent 2 }}\nb: 2", """{"script": "one\ntwo\nthree"}""");

        Assert.Equal("a: 1\nscript: |\n  one\n  two\n  three\nb: 2", result.Value.Text);
        Assert.Equal([1, 2, 2, 2, 2, 3], SourceLines(result.Value));
    }

    [Fact]
    public void Locates_an_undefined_value_after_a_multi_line_value()
    {
        var result = Render("script: |{{ nindent 2 values.script }}\nafter: {{ values.missing }}", """{"script": "one\ntwo"}""");

        Assert.Equal(["DCL111 2:8"], Describe(result.Diagnostics));
        Assert.Equal(2, result.Value.LineMap(4));
    }

    [Fact]
    public void Maps_lines_after_a_multi_line_toYaml_to_their_source()
    {
        var result = Render(
            "spec:\n  template:{{ values.pod | toYaml | nindent 4 }}\nafter: {{ values.missing }}",
            """{"pod": {"a": 1, "b": ["x", "z"]}}""");

        Assert.Equal("spec:\n  template:\n    a: 1\n    b:\n    - x\n    - z\nafter: ", result.Value.Text);
        Assert.Equal([1, 2, 2, 2, 2, 2, 3], SourceLines(result.Value));
        Assert.Equal(["DCL111 3:8"], Describe(result.Diagnostics));
    }

    [Fact]
    public void A_yaml_error_in_helper_output_points_at_the_line_of_the_expression()
    {
        const string Template = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:{{ values.data | nindent 2 }}\nafter: 1";

        var rendered = Render(Template, """{"data": "a: 1\nb: [unclosed"}""").Value;
        var parsed = ManifestReader.Read(rendered.Text, SourceFile, rendered.LineMap);

        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("DCL101", error.Code);
        Assert.Equal(5, error.Location?.Line);
    }

    [Fact]
    public void A_yaml_error_in_template_text_points_at_its_own_line_after_lines_a_loop_added()
    {
        const string Template = "items:\n{{~ for i in values.items ~}}\n- {{ i }}\n{{~ end ~}}\nbad: : x\n";

        var rendered = Render(Template, """{"items": [1, 2, 3, 4]}""").Value;
        var parsed = ManifestReader.Read(rendered.Text, SourceFile, rendered.LineMap);

        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(5, error.Location?.Line);
    }

    [Fact]
    public void Keeps_a_code_block_that_spans_lines_working()
    {
        var result = Render("a: {{\n  name = values.missing ?? \"x\"\n  name | string.upcase\n}}\nb: {{ values.nope }}");

        Assert.Equal("a: X\nb: ", result.Value.Text);
        Assert.Equal([1, 5], SourceLines(result.Value));
        Assert.Equal(["DCL111 5:4"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Maps_lines_joined_by_whitespace_control_to_the_line_they_start_on()
    {
        var result = Render("a: [\n  {{- values.x -}}\n  ]\nb: 2", """{"x": 1}""");

        Assert.Equal("a: [1]\nb: 2", result.Value.Text);
        Assert.Equal([1, 4], SourceLines(result.Value));
    }

    [Fact]
    public void Maps_lines_after_literal_braces_and_escape_blocks()
    {
        var result = Render("a: \\{{ x }}\nb: {%{ {{ y }} }%}\nc: {{ values.missing }}");

        Assert.Equal("a: {{ x }}\nb:  {{ y }} \nc: ", result.Value.Text);
        Assert.Equal([1, 2, 3], SourceLines(result.Value));
        Assert.Equal(["DCL111 3:4"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Clamps_lines_outside_the_output_to_the_nearest_line()
    {
        var result = Render("a: 1\nb: 2");

        Assert.Equal(1, result.Value.LineMap(0));
        Assert.Equal(2, result.Value.LineMap(99));
    }
}
