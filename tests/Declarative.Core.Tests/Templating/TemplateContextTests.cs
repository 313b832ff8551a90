using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class TemplateContextTests
{
    [Fact]
    public void Prints_values_environment_project_and_module_names()
    {
        var result = Render(
            "image: {{ values.image.name }}:{{ values.image.tag }}\nenv: {{ env.name }}\nproject: {{ project.name }}\nmodule: {{ module.name }}",
            """{"image": {"name": "kubia", "tag": "v2"}}""",
            module: "redis");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("image: kubia:v2\nenv: dev\nproject: kubia\nmodule: redis", result.Value.Text);
    }

    [Fact]
    public void Module_name_prints_nothing_outside_a_module()
    {
        Assert.Equal("module: ", Text("module: {{ module.name }}"));
    }

    [Fact]
    public void Walks_lists_of_maps_with_for_and_its_index()
    {
        var text = Text(
            "ports:\n{{~ for p in values.ports ~}}\n- name: {{ p.name }}\n  port: {{ p.port }}\n  index: {{ for.index }}\n  last: {{ for.last }}\n{{~ end ~}}",
            """{"ports": [{"name": "http", "port": 80}, {"name": "https", "port": 443}]}""");

        Assert.Equal("ports:\n- name: http\n  port: 80\n  index: 0\n  last: false\n- name: https\n  port: 443\n  index: 1\n  last: true\n", text);
    }

    [Fact]
    public void Walks_maps_with_for_as_key_and_value_in_file_order()
    {
        var text = Text("{{~ for label in values.labels ~}}\n{{ label.key }}: {{ label.value }}\n{{~ end ~}}", """{"labels": {"tier": "front", "app": "web"}}""");

        Assert.Equal("tier: front\napp: web\n", text);
    }

    [Theory]
    [InlineData("""{"v": true}""", "yes")]
    [InlineData("""{"v": false}""", "no")]
    [InlineData("""{"v": "text"}""", "yes")]
    [InlineData("""{"v": ""}""", "no")]
    [InlineData("""{"v": 1}""", "yes")]
    [InlineData("""{"v": 0}""", "no")]
    [InlineData("""{"v": [1]}""", "yes")]
    [InlineData("""{"v": []}""", "no")]
    [InlineData("""{"v": {"a": 1}}""", "yes")]
    [InlineData("""{"v": {}}""", "no")]
    [InlineData("""{"v": null}""", "no")]
    [InlineData("{}", "no")]
    public void If_treats_empty_values_as_false_as_helm_does(string values, string expected)
    {
        Assert.Equal(expected, Text("{{ if values.v }}yes{{ else }}no{{ end }}", values));
    }

    [Fact]
    public void Never_escapes_html()
    {
        var text = Text("a: {{ values.s }}", """{"s": "<a href=\"x?p=1&q=2\">'it'</a>"}""");

        Assert.Equal("a: <a href=\"x?p=1&q=2\">'it'</a>", text);
    }

    [Fact]
    public void A_backslash_before_braces_prints_literal_braces_without_evaluating()
    {
        var text = Text("expr: \\{{ $labels.instance }} is down\nvalue: \\{{values.missing}}");

        Assert.Equal("expr: {{ $labels.instance }} is down\nvalue: {{values.missing}}", text);
    }

    [Fact]
    public void Scribans_own_literal_forms_work_too()
    {
        var text = Text("a: {{ \"{{\" }} x }}\nb: {%{ {{ $labels.job }} }%}");

        Assert.Equal("a: {{ x }}\nb:  {{ $labels.job }} ", text);
    }

    [Fact]
    public void A_double_backslash_before_braces_prints_one_backslash_and_evaluates_the_expression()
    {
        var result = Render("a: \\\\{{ values.a }}\nb: \\\\{{ values.missing }}", """{"a": 1}""");

        Assert.Equal("a: \\1\nb: \\", result.Value.Text);
        Assert.Equal(["DCL111 2:6"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Prints_scalars_as_yaml_reads_them_back()
    {
        var text = Text(
            "{{ values.yes }} {{ values.no }} {{ values.int }} {{ values.negative }} {{ values.float }} {{ values.scaled }} {{ values.text }} {{ values.int * 2 }}",
            """{"yes": true, "no": false, "int": 3, "negative": -2, "float": 1.5, "scaled": 1.50, "text": "3"}""");

        Assert.Equal("true false 3 -2 1.5 1.50 3 6", text);
    }

    [Fact]
    public void Prints_lists_and_maps_as_json_flow_that_yaml_reads()
    {
        var text = Text("args: {{ values.args }}\nlabels: {{ values.labels }}", """{"args": ["--port", 8080], "labels": {"app": "web"}}""");

        Assert.Equal("args: [\"--port\",8080]\nlabels: {\"app\":\"web\"}", text);
    }

    [Fact]
    public void Template_variables_work_and_values_stay_read_only()
    {
        var result = Render("{{ name = values.name + \"-web\" }}a: {{ name }}\nb: {{ values.name = \"x\" }}", """{"name": "kubia"}""");

        Assert.Equal("DCL110 2:4", Describe(result.Diagnostics).Single());
        Assert.Contains("values.name", result.Diagnostics[0].Detail[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ values = 1 }}")]
    [InlineData("{{ env.name = \"prod\" }}")]
    [InlineData("{{ values.list[0] = 9 }}")]
    [InlineData("{{ default = 1 }}")]
    [InlineData("{{ string.upcase = 1 }}")]
    public void Cannot_change_the_values_the_context_or_the_functions(string template)
    {
        var result = Render(template, """{"list": [1]}""");

        Assert.Equal(["DCL110 1:1"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Reads_windows_line_endings_like_unix_ones()
    {
        var result = Render("a: {{ values.a }}\r\nb: {{ values.missing }}\r\n", """{"a": 1}""");

        Assert.Equal("a: 1\nb: \n", result.Value.Text);
        Assert.Equal(["DCL111 2:4"], Describe(result.Diagnostics));
    }
}
