using System.Text;

namespace Declarative.Core.Templating;

/// <summary>
/// Rewrites our literal-brace escapes before Scriban parses the text, since Scriban has no escape character:
/// <c>\{{</c> becomes an escape block that prints <c>{{</c> (what follows is plain text up to the next <c>{{</c>),
/// and <c>\\{{</c> becomes a backslash followed by a code block. No line break is added or removed, so line numbers
/// hold; <see cref="OffsetMap"/> gives the columns back.
/// </summary>
internal static class LiteralBraces
{
    private const string Escaped = "\\{{";
    private const string EscapeBlock = "{%{{{}%}";

    public static (string Text, OffsetMap Map) Rewrite(string text)
    {
        var next = text.IndexOf(Escaped, StringComparison.Ordinal);
        if (next < 0)
        {
            return (text, OffsetMap.Identity);
        }

        var builder = new StringBuilder(text.Length + 16);
        var edits = new List<OffsetMap.Edit>();
        var position = 0;
        for (; next >= 0; next = text.IndexOf(Escaped, position, StringComparison.Ordinal))
        {
            if (next > position && text[next - 1] == '\\')
            {
                // \\{{ : keep one backslash and let the {{ open a code block.
                builder.Append(text, position, next - 1 - position);
                edits.Add(new OffsetMap.Edit(next - 1, next + 1, builder.Length, builder.Length + 1));
                builder.Append('\\');
                position = next + 1;
                continue;
            }

            builder.Append(text, position, next - position);
            edits.Add(new OffsetMap.Edit(next, next + Escaped.Length, builder.Length, builder.Length + EscapeBlock.Length));
            builder.Append(EscapeBlock);
            position = next + Escaped.Length;
        }

        builder.Append(text, position, text.Length - position);
        return (builder.ToString(), new OffsetMap(edits));
    }
}
