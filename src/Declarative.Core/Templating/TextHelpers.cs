using System.Globalization;
using System.Text;
using Declarative.Core.Manifests;
using HandlebarsDotNet;

namespace Declarative.Core.Templating;

/// <summary>The helpers that turn a value into text: toYaml, indent, nindent, b64enc and quote.</summary>
internal static class TextHelpers
{
    public static object? ToYaml(in HelperOptions options, in Context context, in Arguments arguments)
    {
        if (arguments.Length != 1)
        {
            return HelperArguments.Misuse("toYaml", "toYaml VALUE", arguments.Length);
        }

        var value = arguments[0];
        if (HelperArguments.IsUnusable(value))
        {
            return value;
        }

        var node = TemplateValues.ToJson(value);
        if (node is null)
        {
            return "null";
        }

        var yaml = YamlWriter.Write([node]);
        return yaml.EndsWith('\n') ? yaml[..^1] : yaml;
    }

    public static object? Indent(in HelperOptions options, in Context context, in Arguments arguments) =>
        IndentText("indent", arguments, string.Empty);

    public static object? NewlineIndent(in HelperOptions options, in Context context, in Arguments arguments) =>
        IndentText("nindent", arguments, "\n");

    public static object? Base64Encode(in HelperOptions options, in Context context, in Arguments arguments)
    {
        if (arguments.Length != 1)
        {
            return HelperArguments.Misuse("b64enc", "b64enc TEXT", arguments.Length);
        }

        var value = arguments[0];
        return HelperArguments.IsUnusable(value)
            ? value
            : Convert.ToBase64String(Encoding.UTF8.GetBytes(TemplateText.Of(value)));
    }

    public static object? Quote(in HelperOptions options, in Context context, in Arguments arguments)
    {
        if (arguments.Length != 1)
        {
            return HelperArguments.Misuse("quote", "quote VALUE", arguments.Length);
        }

        var value = arguments[0];
        return HelperArguments.IsUnusable(value) ? value : TemplateText.Quote(TemplateText.Of(value));
    }

    private static object? IndentText(string helper, in Arguments arguments, string prefix)
    {
        var usage = $"{helper} N TEXT";
        if (arguments.Length != 2)
        {
            return HelperArguments.Misuse(helper, usage, arguments.Length);
        }

        var (count, text) = (arguments[0], arguments[1]);
        if (HelperArguments.IsUnusable(count))
        {
            return count;
        }

        if (HelperArguments.IsUnusable(text))
        {
            return text;
        }

        if (!TryGetSpaces(count, out var spaces))
        {
            return HelperArguments.Invalid($"`{helper}` needs a whole number of spaces first, not `{TemplateText.Of(count)}`.", usage);
        }

        var pad = new string(' ', spaces);
        return prefix + pad + TemplateText.Of(text).Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private static bool TryGetSpaces(object? value, out int spaces)
    {
        spaces = -1;
        var parsed = value switch
        {
            int number => number,
            long number => number,
            decimal number when decimal.Truncate(number) == number => (long)number,
            string text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => -1L,
        };
        if (parsed is < 0 or > 1000)
        {
            return false;
        }

        spaces = (int)parsed;
        return true;
    }
}
