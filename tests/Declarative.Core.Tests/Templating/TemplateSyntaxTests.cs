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
