using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class LineMapTests
{
    [Fact]
    public void Maps_output_lines_to_source_lines_across_each_and_if()
    {
        const string Template = """
            kind: ConfigMap
            data:
            {{#each values.items}}
              {{this}}: "1"
            {{/each}}
            {{#if values.debug}}
              debug: "true"
            {{/if}}
              last: "1"
            """;

        var result = Render(Template, """{"items": ["a", "b", "c"], "debug": false}""");

        Assert.Equal("kind: ConfigMap\ndata:\n  a: \"1\"\n  b: \"1\"\n  c: \"1\"\n  last: \"1\"", result.Value.Text);
        Assert.Equal([1, 2, 4, 4, 4, 9], SourceLines(result.Value));
    }

    [Fact]
    public void Maps_lines_of_a_multi_line_value_to_its_expression()
    {
        var result = Render("a: 1\nscript: |{{nindent 2 values.script}}\nb: 2", """{"script": "one\ntwo\nthree"}""");

        Assert.Equal("a: 1\nscript: |\n  one\n  two\n  three\nb: 2", result.Value.Text);
        Assert.Equal([1, 2, 2, 2, 2, 3], SourceLines(result.Value));
    }

    [Fact]
    public void Locates_an_undefined_value_after_a_multi_line_value()
    {
        var result = Render("script: |{{nindent 2 values.script}}\nafter: {{values.missing}}", """{"script": "one\ntwo"}""");

        Assert.Equal(["DCL111 2:8"], Describe(result.Diagnostics));
        Assert.Equal(2, result.Value.LineMap(4));
    }

    // Pending the YamlWriter merge.
    [Fact]
    public void Maps_lines_after_a_multi_line_toYaml_to_their_source()
    {
        var result = Render(
            "spec:\n  template:{{nindent 4 (toYaml values.pod)}}\nafter: {{values.missing}}",
            """{"pod": {"a": 1, "b": ["x", "z"]}}""");

        Assert.Equal("spec:\n  template:\n    a: 1\n    b:\n    - x\n    - z\nafter: ", result.Value.Text);
        Assert.Equal([1, 2, 2, 2, 2, 2, 3], SourceLines(result.Value));
        Assert.Equal(["DCL111 3:8"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Keeps_an_expression_that_spans_lines_working()
    {
        var result = Render("a: {{default\n  values.missing\n  \"x\"}}\nb: {{values.nope}}");

        Assert.Equal("a: x\nb: ", result.Value.Text);
        Assert.Equal([1, 4], SourceLines(result.Value));
        Assert.Equal(["DCL111 4:4"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Maps_lines_joined_by_tilde_trimming_to_the_line_they_start_on()
    {
        var result = Render("a: [\n  {{~values.x~}}\n  ]\nb: 2", """{"x": 1}""");

        Assert.Equal("a: [1]\nb: 2", result.Value.Text);
        Assert.Equal([1, 4], SourceLines(result.Value));
    }

    [Fact]
    public void Clamps_lines_outside_the_output_to_the_nearest_line()
    {
        var result = Render("a: 1\nb: 2");

        Assert.Equal(1, result.Value.LineMap(0));
        Assert.Equal(2, result.Value.LineMap(99));
    }

    [Fact]
    public void Never_leaks_markers_into_the_output()
    {
        var result = Render(
            "{{#each values.xs}}\n{{~this}} {{values.missing}}\n{{/each}}\n{{!c}}\n\\{{x}} {{{values.s}}} {{values.s~}}\n\n end",
            """{"xs": [1, 2], "s": "s"}""");

        Assert.DoesNotContain('\u001F', result.Value.Text);
        Assert.DoesNotContain('\u001E', result.Value.Text);
    }
}
