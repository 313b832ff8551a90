using System.Globalization;
using Declarative.Core.Templating;
using HandlebarsDotNet;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

/// <summary>The line and expression markers must never change what Handlebars renders: each template here renders
/// the same through <see cref="TemplateRenderer"/> as through a plain Handlebars.Net with the same helpers.</summary>
public class MarkerTransparencyTests
{
    private const string Values = """{"on": true, "off": false, "xs": [1, 2], "m": {"a": "x", "b": "y"}, "s": "text", "multi": "l1\nl2"}""";

    public static TheoryData<string> Templates => new()
    {
        "a: 1\n{{#if values.on}}\nb: 2\n{{/if}}\nc: 3\n",
        "  {{#each values.xs}}\n  - {{this}}\n  {{/each}}\n",
        "{{#if values.off}}\nx\n{{else}}\ny\n{{/if}}\n",
        "{{#if values.off}}\nx\n{{else if values.on}}\nz\n{{/if}}\n",
        "{{#each values.m}}\n{{@key}}: {{this}}\n{{/each}}\nend\n",
        "list:\n{{#each values.xs}}\n  {{#if @first}}\n  - first {{this}}\n  {{else}}\n  - {{this}}\n  {{/if}}\n{{/each}}\n",
        "a: [\n  {{~values.s~}}\n  ]\n",
        "a: {{values.s~}}   \n\n  b\n  {{~values.s}}\n",
        "a: 1\n{{~#if values.on~}}\n  b\n{{~/if}}\nc\n",
        "{{! a comment }}\na: 1\n{{!-- long\n comment --}}\nb: 2\n",
        "x: {{default\n  values.none\n  \"d\"}}\ny: {{{values.s}}}\n",
        "\\{{raw}} {{values.s}}\n  \\{{#if}}\n",
        "a \\\\{{values.s}} b\n",
        "text: |{{nindent 2 values.multi}}\nafter: {{indent 2 values.multi}}\n",
        "{{#with values.m}}\n  a: {{a}}\n{{/with}}\n{{#unless values.off}}\nu\n{{/unless}}",
        "{{#each values.xs}}{{this}}{{/each}}\n\n\n{{#each values.xs}}\n\n{{this}}\n\n{{/each}}\n",
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Renders_exactly_what_plain_handlebars_renders(string template)
    {
        var result = Render(template, Values);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(Plain(template), result.Value.Text);
    }

    private static string Plain(string template)
    {
        var configuration = new HandlebarsConfiguration { NoEscape = true, FormatProvider = CultureInfo.InvariantCulture };
        configuration.FormatterProviders.Add(new TemplateFormatterProvider());
        var handlebars = Handlebars.Create(configuration);
        TemplateHelpers.Register(handlebars);
        return handlebars.Compile(template)(TemplateValues.Root(Context(Values)));
    }
}
