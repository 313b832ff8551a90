using Declarative.Core.Diagnostics;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

/// <summary>The locked-down context and the limits (docs/decisions/templating-engine.md): what Scriban offers by
/// default that a template does not get, and limits that stop a render with a located error instead of cutting
/// its output.</summary>
public class SandboxTests
{
    [Theory]
    [InlineData("a: {{ date.now }}", "date")]
    [InlineData("a: {{ timespan.from_days 1 }}", "timespan.from_days")]
    [InlineData("a: {{ object.eval \"1 + 1\" }}", "object.eval")]
    [InlineData("a: {{ include \"secret.txt\" }}", "include")]
    [InlineData("a: {{ regex.match \"x\" \"x\" }}", "regex.match")]
    [InlineData("a: {{ math.random 1 10 }}", "math.random")]
    [InlineData("a: {{ math.uuid }}", "math.uuid")]
    [InlineData("a: {{ string.md5 \"x\" }}", "string.md5")]
    public void Time_eval_include_io_and_non_deterministic_built_ins_are_not_available(string template, string name)
    {
        var result = Render(template);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.Code is DiagnosticCodes.UndefinedValue or DiagnosticCodes.TemplateSyntax, diagnostic.Code);
        Assert.Equal(new SourceLocation(SourceFile, 1, 4), diagnostic.Location);
        Assert.Contains($"`{name}`", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void A_loop_of_thousands_of_items_is_not_cut_off()
    {
        var items = string.Join(",", Enumerable.Range(0, 5000));

        var text = Text("{{ for i in values.items }}{{ i }};{{ end }}", $$"""{"items": [{{items}}]}""");

        Assert.Equal(5000, text.Split(';', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Nested_loops_count_together_and_stop_with_a_located_error()
    {
        var result = Render("a: 1\n{{ for i in 1..400 }}{{ for j in 1..400 }}{{ end }}{{ end }}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DCL110 2:22", Describe([diagnostic]).Single());
        Assert.Contains("100,000", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Contains("nested loops count together", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_loop_stops_with_a_located_error()
    {
        var result = Render("a: 1\nb: {{ while true }}x{{ end }}");

        Assert.Equal(["DCL110 2:4"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Recursion_stops_with_a_located_error()
    {
        var result = Render("a: 1\n{{ func down(n)\n  ret down(n + 1)\nend }}\nb: {{ down 0 }}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateSyntax, diagnostic.Code);
        Assert.Contains("100 deep", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.NotNull(diagnostic.Location);
    }

    [Fact]
    public void Output_over_the_limit_is_an_error_never_a_cut()
    {
        // 1,100 lines of 1,000 characters: more than 1,048,576 characters in all.
        var result = Render("items:\n{{ for i in 1..1100 }}- {{ values.line }}\n{{ end }}", $$"""{"line": "{{new string('x', 998)}}"}""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateSyntax, diagnostic.Code);
        Assert.Contains("1,048,576", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.True(result.HasErrors);
        Assert.NotNull(diagnostic.Location);
    }

    [Fact]
    public void Output_just_under_the_limit_is_complete()
    {
        var result = Render("{{ for i in 1..1000 }}{{ values.line }}\n{{ end }}", $$"""{"line": "{{new string('x', 999)}}"}""");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1_000_000, result.Value.Text.Length);
        Assert.DoesNotContain("...", result.Value.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: {{ \"x\" | string.pad_left 2000000 }}")]
    [InlineData("a: {{ \"x\" * 2000000 }}")]
    public void A_string_over_the_limit_is_an_error_never_a_cut(string template)
    {
        var result = Render(template);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DCL110 1:4", Describe([diagnostic]).Single());
    }

    [Fact]
    public void Cancellation_stops_a_render()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Render("{{ for i in 1..50000 }}{{ i }}{{ end }}", cancellationToken: cancellation.Token));
    }
}
