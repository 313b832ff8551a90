using Declarative.Core.Diagnostics;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class StrictModeTests
{
    [Fact]
    public void Reports_an_undefined_value_at_its_file_line_and_column()
    {
        var result = Render("kind: Deployment\nspec:\n  replicas: {{values.replicaz}}\n", """{"replicas": 3}""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UndefinedValue, diagnostic.Code);
        Assert.Equal(new SourceLocation(SourceFile, 3, 13), diagnostic.Location);
        Assert.Equal("Undefined template value", diagnostic.Summary);
        Assert.Contains("`values.replicaz` is not defined", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Contains("values.yaml", diagnostic.Detail[^1], StringComparison.Ordinal);
        Assert.Contains("--set", diagnostic.Detail[^1], StringComparison.Ordinal);
        Assert.Contains("{{default values.replicaz", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_undefined_expression_of_the_file()
    {
        var result = Render("a: {{values.one}}\nb: {{values.two}}-{{values.three}}\nc: {{values.defined}}\nd: {{values.four}}", """{"defined": 1}""");

        Assert.Equal(["DCL111 1:4", "DCL111 2:4", "DCL111 2:19", "DCL111 4:4"], Describe(result.Diagnostics));
        Assert.Equal(
            ["values.one", "values.two", "values.three", "values.four"],
            result.Diagnostics.Select(d => d.Detail[0].Split('`')[1]));
    }

    [Fact]
    public void Reports_an_undefined_value_inside_each_once_at_the_expression()
    {
        var result = Render(
            "containers:\n{{#each values.containers}}\n- name: {{name}}\n  image: {{imagee}}\n{{/each}}",
            """{"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}]}""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation(SourceFile, 4, 10), diagnostic.Location);
        Assert.Contains("`imagee` is not defined", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_first_missing_segment_of_a_nested_path()
    {
        var result = Render("host: {{values.db.host}}", """{"cache": {}}""");

        Assert.Contains("`values.db` is not defined", Assert.Single(result.Diagnostics).Detail[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{#if values.missing}}yes{{else}}no{{/if}}", "no")]
    [InlineData("{{#unless values.missing}}unset{{/unless}}", "unset")]
    [InlineData("{{#with values.missing}}{{x}}{{else}}none{{/with}}", "none")]
    [InlineData("[{{#each values.missing}}{{this}}{{/each}}]", "[]")]
    [InlineData("{{default values.missing \"fallback\"}}", "fallback")]
    public void Block_helpers_and_default_receive_an_undefined_value_without_error(string template, string expected)
    {
        var result = Render(template);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Value.Text);
    }

    [Fact]
    public void Required_reports_a_missing_value_with_the_message_given()
    {
        var result = Render("a: 1\npassword: {{required values.db.password \"Set the database password.\"}}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RequiredValueMissing, diagnostic.Code);
        Assert.Equal(new SourceLocation(SourceFile, 2, 11), diagnostic.Location);
        Assert.Equal("Set the database password.", diagnostic.Detail[0]);
        Assert.Equal("`values.db.password` is undefined, null or empty.", diagnostic.Detail[1]);
    }

    [Fact]
    public void Required_inside_another_helper_still_reports_its_message()
    {
        var result = Render("password: {{b64enc (required values.password \"Set the password.\")}}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DCL112 1:11", Describe([diagnostic]).Single());
        Assert.Equal("Set the password.", diagnostic.Detail[0]);
    }

    [Fact]
    public void Reports_an_undefined_value_printed_through_a_helper()
    {
        var result = Render(
            "a: {{quote values.nam}}\nb: {{default values.x values.y}}\nc: {{nindent 2 (b64enc values.z)}}",
            """{"name": "n"}""");

        Assert.Equal(["DCL111 1:4", "DCL111 2:4", "DCL111 3:4"], Describe(result.Diagnostics));
        Assert.Equal(
            ["values.nam", "values.y", "values.z"],
            result.Diagnostics.Select(d => d.Detail[0].Split('`')[1]));
    }

    [Fact]
    public void Reports_a_misspelled_context_name_with_advice_about_the_context()
    {
        var result = Render("env: {{env.nmae}}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("`env.nmae` is not defined", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Contains("env.name", diagnostic.Detail[^1], StringComparison.Ordinal);
    }
}
