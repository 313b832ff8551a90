using Declarative.Core.Diagnostics;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class TemplateSyntaxTests
{
    [Theory]
    [InlineData("a: 1\nb: {{values.a\nc: 2", "2:4", "never closed")]
    [InlineData("{{#each values.list}}\nx\n{{/if}}", "3:1", "closes the block `{{#each}}` opened on line 1")]
    [InlineData("a: 1\n  {{#if values.on}}\nb: 2", "2:3", "never closed with `{{/if}}`")]
    [InlineData("a: 1\n{{/if}}", "2:1", "closes a block that was never opened")]
    [InlineData("a: {{#if values.a values.b}}x{{/if}}", "1:4", "takes exactly one argument but got 2")]
    [InlineData("a: 1\nb: {{upper values.name}}", "2:4", "`upper` is not a template helper")]
    [InlineData("a: 1\nb: {{&values.name}}", "2:4", "Handlebars says")]
    public void Reports_a_syntax_error_at_the_expression_at_fault(string template, string position, string detail)
    {
        var result = Render(template, """{"name": "n"}""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateSyntax, diagnostic.Code);
        Assert.Equal($"DCL110 {position}", Describe([diagnostic]).Single());
        Assert.Contains(detail, diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.True(result.HasErrors);
    }

    [Theory]
    [InlineData("{{(}}")]
    [InlineData("{{{values.a}}")]
    [InlineData("x\n{{#each values.xs as |}}{{/each}}")]
    [InlineData("{{#if values.a}}{{else}}{{else}}{{/if}}")]
    [InlineData("{{values.a.[}}")]
    [InlineData("{{> partial}}")]
    [InlineData("{{quote (nope 1)}}")]
    [InlineData("{{{{raw}}}} {{x}} {{{{/raw}}}}")]
    [InlineData("{{~}}")]
    public void Reports_a_malformed_template_as_a_located_syntax_error_without_marker_characters(string template)
    {
        var result = Render(template, """{"a": 1, "xs": [1, 2]}""");

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.TemplateSyntax, d.Code));
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
        Assert.All(result.Diagnostics.SelectMany(d => d.Detail), line => Assert.DoesNotContain('\u001F', line));
    }

    [Fact]
    public void Reports_a_second_else_in_a_block_at_that_else()
    {
        var result = Render("{{#if values.a}}\na\n{{else}}\nb\n{{else}}\nc\n{{/if}}");

        Assert.Equal(["DCL110 5:1"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Reports_a_failure_while_rendering_at_the_expression()
    {
        var result = Render("a: 1\nb: {{lookup values}}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateSyntax, diagnostic.Code);
        Assert.Equal(new SourceLocation(SourceFile, 2, 4), diagnostic.Location);
        Assert.Contains("lookup", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_closing_brace_inside_a_quoted_argument_does_not_end_the_expression()
    {
        Assert.Equal("a: }}", Text("a: {{default values.missing \"}}\"}}"));
    }

    [Fact]
    public void Comments_print_nothing_even_when_they_contain_braces()
    {
        Assert.Equal("a: 1\nb: 2", Text("a: 1\n{{!-- {{values.missing}} }} --}}\nb: 2"));
    }
}
