using System.Text;

namespace Declarative.Cli.Rendering;

/// <summary>How the lines under a multi-line value are written in text (plans and drift): indented under the field,
/// a marker per line when the lines are a diff, control characters escaped, folded stretches dimmed.</summary>
internal static class BlockLineText
{
    /// <summary>Where block lines start: under the field's path, four columns in.</summary>
    public const string Indent = "          ";

    /// <param name="marked">Whether each added or removed line carries <c>+</c> or <c>-</c> (a change); the lines of a
    /// create or delete carry none, the field's own symbol says it.</param>
    public static void Append(StringBuilder text, IEnumerable<BlockLine> lines, bool marked, Ansi ansi)
    {
        foreach (var line in lines)
        {
            var marker = line.Kind switch
            {
                BlockLineKind.Added when marked => ansi.Green("+"),
                BlockLineKind.Removed when marked => ansi.Red("-"),
                _ => " ",
            };
            var content = line.Kind == BlockLineKind.Folded ? ansi.Dim(line.FoldedText) : TextBlock.Visible(line.Text);

            // An empty line leaves no blanks behind its marker.
            text.Append(content.Length == 0 ? (Indent + marker).TrimEnd(' ') : $"{Indent}{marker} {content}").Append('\n');
        }
    }
}
