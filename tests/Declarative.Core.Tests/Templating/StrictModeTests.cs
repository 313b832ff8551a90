using Declarative.Core.Diagnostics;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

/// <summary>DESIGN's strict mode. Scriban's StrictVariables covers variables only and stops at the first one
/// (scriban#402), so these cover members, nested paths and everything in one run.</summary>
public class StrictModeTests
{
    [Fact]
    public void Reports_an_undefined_member_at_its_file_line_and_column()
    {
        var result = Render("kind: Deployment\nspec:\n  replicas: {{ values.replicaz }}\n", """{"replicas": 3}""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UndefinedValue, diagnostic.Code);
        Assert.Equal(new SourceLocation(SourceFile, 3, 13), diagnostic.Location);
        Assert.Equal("Undefined template value", diagnostic.Summary);
        Assert.Equal("`values.replicaz` is not defined, so `{{ values.replicaz }}` has nothing to print.", diagnostic.Detail[0]);
        Assert.Contains("values.yaml", diagnostic.Detail[^1], StringComparison.Ordinal);
        Assert.Contains("--set", diagnostic.Detail[^1], StringComparison.Ordinal);
        Assert.Contains("{{ values.replicaz ?? \"...\" }}", diagnostic.Detail[^1], StringComparison.Ordinal);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Reports_an_undefined_variable_like_a_member()
    {
        var result = Render("a: 1\nb: {{ replicas }}");

        Assert.Equal(["DCL111 2:4"], Describe(result.Diagnostics));
        Assert.Equal(["replicas"], MissingPaths(result.Diagnostics));
    }

    [Fact]
    public void Reports_every_undefined_expression_of_the_file_in_one_run()
    {
        var result = Render(
            "a: {{ values.one }}\nb: {{ values.two }}-{{ values.three }}\nc: {{ values.defined }}\nd: {{ values.four }}\ne: {{ nope }}",
            """{"defined": 1}""");

        Assert.Equal(["DCL111 1:4", "DCL111 2:4", "DCL111 2:21", "DCL111 4:4", "DCL111 5:4"], Describe(result.Diagnostics));
        Assert.Equal(["values.one", "values.two", "values.three", "values.four", "nope"], MissingPaths(result.Diagnostics));
    }

    [Fact]
    public void Reports_an_undefined_member_inside_a_loop_once_at_the_expression()
    {
        var result = Render(
            "containers:\n{{~ for c in values.containers ~}}\n- name: {{ c.name }}\n  image: {{ c.imagee }}\n{{~ end ~}}",
            """{"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}]}""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation(SourceFile, 4, 10), diagnostic.Location);
        Assert.Equal(["values.containers[0].imagee"], MissingPaths(result.Diagnostics));
    }

    [Theory]
    [InlineData("host: {{ values.db.host }}", """{"cache": {}}""", "values.db")]
    [InlineData("host: {{ values.db.host.name }}", """{"db": {}}""", "values.db.host")]
    [InlineData("host: {{ values.db.host }}", """{"db": null}""", "values.db.host")]
    [InlineData("port: {{ values.ports[2] }}", """{"ports": [80, 443]}""", "values.ports[2]")]
    [InlineData("name: {{ values.labels[\"app.kubernetes.io/name\"] }}", """{"labels": {}}""", "values.labels[\"app.kubernetes.io/name\"]")]
    [InlineData("env: {{ env.nmae }}", "{}", "env.nmae")]
    public void Names_the_first_missing_part_of_a_path(string template, string values, string path)
    {
        var result = Render(template, values);

        Assert.Equal([path], MissingPaths(result.Diagnostics));
    }

    [Theory]
    [InlineData("{{ if values.missing }}yes{{ else }}no{{ end }}", "no")]
    [InlineData("{{ if !values.missing }}unset{{ end }}", "unset")]
    [InlineData("{{ if values.db.host }}yes{{ else }}no{{ end }}", "no")]
    [InlineData("{{ values.missing ?? \"fallback\" }}", "fallback")]
    [InlineData("{{ values.db.host ?? \"fallback\" }}", "fallback")]
    [InlineData("{{ values.none ?? \"fallback\" }}", "fallback")]
    [InlineData("{{ values.missing | default \"fallback\" }}", "fallback")]
    [InlineData("{{ default values.missing \"fallback\" }}", "fallback")]
    [InlineData("[{{ for x in values.missing }}{{ x }}{{ end }}]", "[]")]
    [InlineData("[{{ for x in values.missing }}{{ x }}{{ else }}none{{ end }}]", "[none]")]
    [InlineData("{{ values.missing == null }} {{ values.missing != null }}", "true false")]
    [InlineData("{{ values.missing ? \"yes\" : \"no\" }}", "no")]
    [InlineData("{{ values.missing && true }} {{ values.missing || true }}", "false true")]
    [InlineData("{{ case values.missing ?? \"\" }}{{ when \"a\" }}a{{ else }}other{{ end }}", "other")]
    public void Conditions_coalescing_default_and_for_receive_an_undefined_value_without_error(string template, string expected)
    {
        var result = Render(template, """{"none": null}""");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Value.Text);
    }

    [Fact]
    public void Required_reports_a_missing_value_with_the_message_given()
    {
        var result = Render("a: 1\npassword: {{ required values.db.password \"Set the database password.\" }}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RequiredValueMissing, diagnostic.Code);
        Assert.Equal(new SourceLocation(SourceFile, 2, 11), diagnostic.Location);
        Assert.Equal("Set the database password.", diagnostic.Detail[0]);
        Assert.Equal("`values.db.password` is undefined, null or empty.", diagnostic.Detail[1]);
    }

    [Fact]
    public void Required_as_a_pipe_inside_another_function_still_reports_its_message()
    {
        var result = Render("password: {{ values.password | required \"Set the password.\" | b64enc }}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DCL112 1:11", Describe([diagnostic]).Single());
        Assert.Equal("Set the password.", diagnostic.Detail[0]);
        Assert.Equal("`values.password` is undefined, null or empty.", diagnostic.Detail[1]);
    }

    [Fact]
    public void Reports_an_undefined_value_printed_through_a_function_or_an_operator()
    {
        var result = Render(
            "a: {{ values.nam | quote }}\nb: {{ default values.x values.y }}\nc: {{ nindent 2 (b64enc values.z) }}\nd: {{ values.count + 1 }}\ne: {{ \"v\" + values.version }}",
            """{"name": "n"}""");

        Assert.Equal(["DCL111 1:4", "DCL111 2:4", "DCL111 3:4", "DCL111 4:4", "DCL111 5:4"], Describe(result.Diagnostics));
        Assert.Equal(["values.nam", "values.y", "values.z", "values.count", "values.version"], MissingPaths(result.Diagnostics));
    }

    [Fact]
    public void Reports_an_undefined_value_that_a_built_in_function_cannot_use()
    {
        var result = Render("a: {{ values.nam | string.upcase }}\nb: {{ $\"x-{values.tag}\" }}");

        Assert.Equal(["DCL111 1:4", "DCL111 2:4"], Describe(result.Diagnostics));
        Assert.Equal(["values.nam", "values.tag"], MissingPaths(result.Diagnostics));
        Assert.Contains("cannot use it", result.Diagnostics[0].Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_an_explicit_null_as_nothing_and_without_error()
    {
        var result = Render("replicas: {{ values.replicas }}\nlist: {{ values.list }}", """{"replicas": null, "list": [1, null]}""");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("replicas: \nlist: [1,null]", result.Value.Text);
    }

    [Fact]
    public void Does_not_check_what_is_never_printed()
    {
        var result = Render("{{ if false }}{{ values.missing }}{{ end }}{{ for x in values.empty }}{{ x.nope }}{{ end }}ok", """{"empty": []}""");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("ok", result.Value.Text);
    }

    [Fact]
    public void Reports_a_misspelled_context_name_with_advice_about_the_context()
    {
        var result = Render("env: {{ env.nmae }}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("`env.nmae` is not defined", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Contains("env.name", diagnostic.Detail[^1], StringComparison.Ordinal);
    }
}
