using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Cli.Rendering;

/// <summary>
/// A string value that plans show as lines instead of one escaped JSON string: ConfigMap data, scripts, embedded
/// YAML or JSON, PEM. Any string holding a line break is one. <see cref="Indicator"/> is YAML's block-scalar header,
/// which says how the text ends: <c>|</c> one line break, <c>|-</c> none, <c>|+</c> more than one.
/// </summary>
internal sealed record TextBlock(string Text, string Indicator)
{
    /// <summary>The block of a multi-line string value; null for anything else (numbers, objects, one-line strings).</summary>
    public static TextBlock? Of(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var text && text.Contains('\n', StringComparison.Ordinal)
            ? new TextBlock(text, IndicatorOf(text))
            : null;

    /// <summary>Whether <paramref name="node"/> is a string, multi-line or not (one side of a line diff may be one line).</summary>
    public static TextBlock? OfAnyString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var text
            ? new TextBlock(text, IndicatorOf(text))
            : null;

    /// <summary>The lines of <paramref name="text"/> without the final line break, so "a\nb\n" is two lines.</summary>
    public static string[] SplitLines(string text) =>
        (text.EndsWith('\n') ? text[..^1] : text).Split('\n');

    /// <summary>A line as it may be printed: control characters other than tab are escaped as in JSON, so a value
    /// cannot move the cursor or colour the terminal, and a carriage return stays visible.</summary>
    public static string Visible(string line)
    {
        if (!line.Any(IsHidden))
        {
            return line;
        }

        var builder = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            builder.Append(c switch
            {
                '\r' => "\\r",
                _ when IsHidden(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static bool IsHidden(char c) => (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029';

    public static string IndicatorOf(string text) =>
        !text.EndsWith('\n') ? "|-" : text.EndsWith("\n\n", StringComparison.Ordinal) ? "|+" : "|";
}
