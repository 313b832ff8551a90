using System.Globalization;
using System.Text;
using Declarative.Core.Manifests;

namespace Declarative.Core.Templating;

/// <summary>The functions that turn a value into text: toYaml, indent, nindent, b64enc and quote.</summary>
internal static class TextFunctions
{
    /// <summary>More spaces than any manifest nests; a larger count is a mistake, not an indentation.</summary>
    private const int MaximumIndent = 1000;

    public static object? ToYaml(TemplateFunctionCall call)
    {
        if (call.Count != 1)
        {
            return call.WrongCount();
        }

        var value = call[0];
        if (TemplateFunctionCall.IsUnusable(value))
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

    public static object? Indent(TemplateFunctionCall call) => IndentText(call, string.Empty);

    public static object? NewlineIndent(TemplateFunctionCall call) => IndentText(call, "\n");

    public static object? Base64Encode(TemplateFunctionCall call)
    {
        if (call.Count != 1)
        {
            return call.WrongCount();
        }

        var value = call[0];
        return TemplateFunctionCall.IsUnusable(value) ? value : Convert.ToBase64String(Encoding.UTF8.GetBytes(TemplateText.Of(value)));
    }

    public static object? Quote(TemplateFunctionCall call)
    {
        if (call.Count != 1)
        {
            return call.WrongCount();
        }

        var value = call[0];
        return TemplateFunctionCall.IsUnusable(value) ? value : TemplateText.Quote(TemplateText.Of(value));
    }

    /// <summary>Called as <c>indent N TEXT</c>, or piped as <c>TEXT | indent N</c>.</summary>
    private static object? IndentText(TemplateFunctionCall call, string prefix)
    {
        if (call.Count != 2)
        {
            return call.WrongCount();
        }

        var (count, text) = call.IsPiped ? (call[1], call[0]) : (call[0], call[1]);
        if (TemplateFunctionCall.IsUnusable(text))
        {
            return text;
        }

        if (TemplateFunctionCall.IsUnusable(count))
        {
            return count;
        }

        if (!TryGetSpaces(count, out var spaces))
        {
            return call.Invalid($"`{call.Function.Name}` needs a whole number of spaces from 0 to {MaximumIndent}, not `{TemplateText.Of(count)}`.");
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
        if (parsed is < 0 or > MaximumIndent)
        {
            return false;
        }

        spaces = (int)parsed;
        return true;
    }
}
