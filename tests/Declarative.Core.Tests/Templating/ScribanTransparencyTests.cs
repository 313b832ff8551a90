using Scriban;
using Scriban.Runtime;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

/// <summary>What the renderer adds (the line map, strictness, the locked-down context) must not change the text
/// Scriban renders: each template here, on plain values, renders the same through <c>TemplateRenderer</c> as
/// through plain Scriban.</summary>
public class ScribanTransparencyTests
{
    private const string Values = """{"on": true, "off": false, "xs": [1, 2], "s": "text", "multi": "l1\nl2", "n": 3}""";

    public static TheoryData<string> Templates => new()
    {
        "a: 1\n{{ if values.on }}\nb: 2\n{{ end }}\nc: 3\n",
        "a: 1\n{{~ if values.on ~}}\nb: 2\n{{~ end ~}}\nc: 3\n",
        "  {{~ for x in values.xs ~}}\n  - {{ x }}\n  {{~ end ~}}\n",
        "{{ if values.off }}\nx\n{{ else }}\ny\n{{ end }}\n",
        "{{ if values.off }}\nx\n{{ else if values.on }}\nz\n{{ end }}\n",
        "list:\n{{- for x in values.xs }}\n  {{- if for.first }}\n  - first {{ x }}\n  {{- else }}\n  - {{ x }}\n  {{- end }}\n{{- end }}\n",
        "a: [\n  {{- values.s -}}\n  ]\n",
        "a: {{ values.s ~}}   \n\n  b\n  {{~ values.s }}\n",
        "{{ ## a comment ## }}\na: 1\n{{~ # another ~}}\nb: 2\n",
        "x: {{ values.s | string.upcase }}\ny: {{ values.n * 2 + 1 }}\n",
        "{%{ {{ raw }} }%} {{ values.s }}\n",
        "{{ for x in values.xs }}{{ x }}{{ end }}\n\n\n{{ for x in values.xs }}\n\n{{ x }}\n\n{{ end }}\n",
        "{{ capture c }}cap {{ values.s }}{{ end }}a: {{ c }}\n{{ func twice(v)\n ret v * 2\nend }}b: {{ twice values.n }}\n",
        "\r\n{{ values.s }}\r\nend",
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Renders_exactly_what_plain_scriban_renders(string template)
    {
        var result = Render(template, Values);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(Plain(template.Replace("\r\n", "\n", StringComparison.Ordinal)), result.Value.Text);
    }

    private static string Plain(string template)
    {
        var values = new ScriptObject
        {
            ["on"] = true,
            ["off"] = false,
            ["xs"] = new ScriptArray { 1L, 2L },
            ["s"] = "text",
            ["multi"] = "l1\nl2",
            ["n"] = 3L,
        };
        var globals = new ScriptObject { ["values"] = values };
        var context = new TemplateContext { NewLine = "\n" };
        context.PushGlobal(globals);
        return Template.Parse(template).Render(context);
    }
}
