using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>
/// How the writer spells a string: plain when every YAML 1.1 reader (goyaml.v2, YamlDotNet, PyYAML) reads it
/// back as the same string, else double-quoted; multi-line strings as literal blocks where a block keeps them exact.
/// </summary>
internal static partial class ScalarStyler
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    /// <summary>The string as a plain or double-quoted scalar on one line.</summary>
    public static string Inline(string value) => NeedsQuotes(value) ? DoubleQuoted(value) : value;

    /// <summary>The literal block header ("|" or "|-") and lines for a multi-line string, or null when a
    /// block cannot hold it exactly (leading spaces, trailing spaces, several final line breaks, control characters).</summary>
    public static (string Header, string[] Lines)? LiteralBlock(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || value.EndsWith("\n\n", StringComparison.Ordinal) || value.Trim('\n').Length == 0)
        {
            return null;
        }

        var keepsNewline = value.EndsWith('\n');
        var lines = (keepsNewline ? value[..^1] : value).Split('\n');
        var firstContent = lines.First(l => l.Length > 0);
        var representable = !firstContent.StartsWith(' ')
            && lines.All(l => !l.StartsWith('\t') && !l.EndsWith(' ') && !l.EndsWith('\t') && l.All(c => c == '\t' || IsPrintableInBlock(c)));
        return representable ? (keepsNewline ? "|" : "|-", lines) : null;
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || ScalarResolver.ResolvePlain(value).Kind != ScalarKind.String
        || Indicators.Contains(value[0], StringComparison.Ordinal)
        || char.IsWhiteSpace(value[0])
        || char.IsWhiteSpace(value[^1])
        || value.EndsWith(':')
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.StartsWith("...", StringComparison.Ordinal)
        || value.StartsWith('<')
        || IndicatorAfterSpace().IsMatch(value)
        || value.Any(c => c == '\t' || !IsPrintableInBlock(c))
        || OtherReadersResolve().IsMatch(value);

    /// <summary>Printable, and not a line break or byte order mark (YAML 1.1 treats NEL, LS and PS as line breaks).</summary>
    private static bool IsPrintableInBlock(char c) => c switch
    {
        < ' ' or '\u007F' => false,
        >= '\u0080' and <= '\u009F' => false,
        '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' => false,
        _ => true,
    };

    private static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pairedSurrogate = char.IsSurrogatePair(value, i) || (i > 0 && char.IsSurrogatePair(value[i - 1], c));
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\0' => "\\0",
                _ when char.IsSurrogate(c) && !pairedSurrogate => Escape(c),
                _ when !char.IsSurrogate(c) && !IsPrintableInBlock(c) => Escape(c),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static string Escape(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>YamlDotNet misreads some plain keys with an indicator after a space ("a *: 1"), so those are quoted.</summary>
    [GeneratedRegex(@" [*&!|>'""%@`]", RegexOptions.CultureInvariant)]
    private static partial Regex IndicatorAfterSpace();

    /// <summary>Timestamps (YAML 1.1 !!timestamp) and sexagesimal numbers, which goyaml.v2 also quotes.</summary>
    [GeneratedRegex(@"^([0-9]{4}-|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherReadersResolve();
}
