using Declarative.Core.Diagnostics;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class TemplateSyntaxTests
{
    [Theory]
    [InlineData("a: 1\nb: {{ values.a\nc: 2", "2:4", "never closed")]
    [InlineData("a: 1\n  {{ if values.on }}\nb: 2", "2:3", "This `if` is never closed with `{{ end }}`")]
    [InlineData("{{ for x in values.xs }}\n{{ if x }}\nx\n{{ end }}", "1:1", "This `for` is never closed")]
    [InlineData("a: 1\n{{ end }}", "2:1", "without a corresponding beginning")]
    [InlineData("a: 1\nb: {{ upper values.name }}", "2:4", "`upper` is not a template function")]
    [InlineData("a: 1\nb: {{ values.name | upper }}", "2:4", "`upper` is not a template function")]
    [InlineData("a: 1\nb: {{ values.name | string.upcasee }}", "2:4", "`string.upcasee` is not a template function")]
    [InlineData("a: 1\nb: {{ values.a. }}", "2:4", "dot operator")]
    public void Reports_a_syntax_error_at_the_expression_at_fault(string template, string position, string detail)
    {
        var result = Render(template, """{"name": "n"}""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateSyntax, diagnostic.Code);
        Assert.Equal($"DCL110 {position}", Describe([diagnostic]).Single());
        Assert.Contains(detail, diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void An_unclosed_code_block_at_the_very_end_of_the_file_is_an_error_not_code()
    {
        // Scriban itself reads this as `b: {{ values.replicas c: 3` and renders "b: 33".
        var result = Render("a: 1\nb: {{ values.replicas\nc: 3", """{"replicas": 3}""");

        Assert.Equal(["DCL110 2:4"], Describe(result.Diagnostics));
        Assert.Equal(string.Empty, result.Value.Text);
    }

    [Theory]
    [InlineData("{{ ( }}")]
    [InlineData("{{ x = }}")]
    [InlineData("x\n{{ for x in }}{{ end }}")]
    [InlineData("{{ if values.a }}{{ else }}{{ else }}{{ end }}")]
    [InlineData("{{ values.a | }}")]
    [InlineData("{{ ~ }}")]
    [InlineData("{%{ never closed")]
    [InlineData("{{ else }}")]
    public void Reports_a_malformed_template_as_a_located_syntax_error(string template)
    {
        var result = Render(template, """{"a": 1, "xs": [1, 2]}""");

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.TemplateSyntax, d.Code));
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
    }

    [Fact]
    public void Reports_a_second_else_in_a_block_at_that_else()
    {
        var result = Render("{{ if values.a }}\na\n{{ else }}\nb\n{{ else }}\nc\n{{ end }}");

        Assert.Equal(["DCL110 5:1"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Reports_a_failure_while_rendering_at_the_expression()
    {
        var result = Render("a: 1\nb: {{ values.name * \"x\" }}", """{"name": "n"}""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateSyntax, diagnostic.Code);
        Assert.Equal("Template could not be rendered", diagnostic.Summary);
        Assert.Equal(new SourceLocation(SourceFile, 2, 4), diagnostic.Location);
        Assert.StartsWith("Scriban says: ", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_closing_brace_inside_a_quoted_argument_does_not_end_the_expression()
    {
        Assert.Equal("a: }}", Text("a: {{ values.missing ?? \"}}\" }}"));
    }

    [Fact]
    public void Comments_print_nothing_even_when_they_hold_an_expression()
    {
        Assert.Equal("a: 1\nb: 2\nc: 3", Text("a: 1\n{{~ ## {{ values.missing ## ~}}\nb: 2\n{{~ # values.missing ~}}\nc: 3"));
    }
}
