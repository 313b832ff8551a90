using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class TemplateContextTests
{
    [Fact]
    public void Prints_values_environment_project_and_module_names()
    {
        var result = Render(
            "image: {{values.image.name}}:{{values.image.tag}}\nenv: {{env.name}}\nproject: {{project.name}}\nmodule: {{module.name}}",
            """{"image": {"name": "kubia", "tag": "v2"}}""",
            module: "redis");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("image: kubia:v2\nenv: dev\nproject: kubia\nmodule: redis", result.Value.Text);
    }

    [Fact]
    public void Module_name_prints_nothing_outside_a_module()
    {
        Assert.Equal("module: ", Text("module: {{module.name}}"));
    }

    [Fact]
    public void Walks_lists_of_maps_with_each_and_its_index()
    {
        var text = Text(
            "ports:\n{{#each values.ports}}\n- name: {{name}}\n  port: {{port}}\n  index: {{@index}}\n{{/each}}",
            """{"ports": [{"name": "http", "port": 80}, {"name": "https", "port": 443}]}""");

        Assert.Equal("ports:\n- name: http\n  port: 80\n  index: 0\n- name: https\n  port: 443\n  index: 1\n", text);
    }

    [Fact]
    public void Walks_maps_with_each_and_its_key()
    {
        var text = Text("{{#each values.labels}}\n{{@key}}: {{this}}\n{{/each}}", """{"labels": {"app": "web", "tier": "front"}}""");

        Assert.Equal("app: web\ntier: front\n", text);
    }

    [Fact]
    public void If_unless_and_with_follow_the_values()
    {
        var text = Text(
            "{{#if values.on}}on{{else}}off{{/if}} {{#unless values.off}}not-off{{/unless}} {{#with values.db}}{{host}}{{/with}}",
            """{"on": true, "off": false, "db": {"host": "pg"}}""");

        Assert.Equal("on not-off pg", text);
    }

    [Fact]
    public void Never_escapes_html()
    {
        var text = Text("a: {{values.s}}\nb: {{{values.s}}}", """{"s": "<a href=\"x?p=1&q=2\">'it'</a>"}""");

        Assert.Equal("a: <a href=\"x?p=1&q=2\">'it'</a>\nb: <a href=\"x?p=1&q=2\">'it'</a>", text);
    }

    [Fact]
    public void A_backslash_before_braces_prints_literal_braces_without_evaluating()
    {
        var text = Text("expr: \\{{ $labels.instance }} is down\nvalue: \\{{values.missing}}");

        Assert.Equal("expr: {{ $labels.instance }} is down\nvalue: {{values.missing}}", text);
    }

    [Fact]
    public void A_double_backslash_before_braces_prints_one_backslash_and_evaluates_the_expression()
    {
        var result = Render("a: \\\\{{values.a}}\nb: \\\\{{values.missing}}", """{"a": 1}""");

        Assert.Equal("a: \\1\nb: \\", result.Value.Text);
        Assert.Equal(["DCL111 2:6"], Describe(result.Diagnostics));
    }

    [Fact]
    public void Prints_scalars_as_yaml_reads_them_back()
    {
        var text = Text(
            "{{values.yes}} {{values.no}} {{values.int}} {{values.negative}} {{values.float}} {{values.scaled}} {{values.text}}",
            """{"yes": true, "no": false, "int": 3, "negative": -2, "float": 1.5, "scaled": 1.50, "text": "3"}""");

        Assert.Equal("true false 3 -2 1.5 1.50 3", text);
    }

    [Fact]
    public void Prints_an_explicit_null_as_nothing_and_without_error()
    {
        var result = Render("replicas: {{values.replicas}}", """{"replicas": null}""");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("replicas: ", result.Value.Text);
    }

    [Fact]
    public void Prints_lists_and_maps_as_json_flow_that_yaml_reads()
    {
        var text = Text("args: {{values.args}}\nlabels: {{values.labels}}", """{"args": ["--port", 8080], "labels": {"app": "web"}}""");

        Assert.Equal("args: [\"--port\",8080]\nlabels: {\"app\":\"web\"}", text);
    }

    [Fact]
    public void Reads_windows_line_endings_like_unix_ones()
    {
        var result = Render("a: {{values.a}}\r\nb: {{values.missing}}\r\n", """{"a": 1}""");

        Assert.Equal("a: 1\nb: \n", result.Value.Text);
        Assert.Equal(["DCL111 2:4"], Describe(result.Diagnostics));
    }
}
