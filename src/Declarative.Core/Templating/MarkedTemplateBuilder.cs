using System.Text;

namespace Declarative.Core.Templating;

/// <summary>
/// Weaves <see cref="Markers"/> into the source before Handlebars compiles it: a line marker at the start of every
/// line, and enter/exit markers around every printed expression. A marker is left out where it would change what
/// Handlebars renders: inside a mustache, on a standalone block line (Handlebars removes such lines only when they
/// hold nothing but the tag and blanks), and in whitespace that a <c>~</c> trims.
/// </summary>
internal static class MarkedTemplateBuilder
{
    public static string Build(SourceText source, IReadOnlyList<TemplateTag> tags)
    {
        var insertions = new List<(int Offset, int Order, string Text)>();
        var skipped = SkippedLineStarts(source, tags);
        for (var line = 0; line < source.LineStarts.Count; line++)
        {
            var start = source.LineStarts[line];
            if (!skipped.Contains(start))
            {
                insertions.Add((start, 1, Markers.Line(line + 1)));
            }
        }

        foreach (var tag in tags.Where(tag => tag.Kind == TagKind.Printed))
        {
            insertions.AddRange(ExpressionMarkers(source.Text, tag));
        }

        return Weave(source.Text, insertions);
    }

    private static IEnumerable<(int Offset, int Order, string Text)> ExpressionMarkers(string text, TemplateTag tag)
    {
        // Exit and After sort before a line or Enter marker at the same offset: they belong to the tag before it.
        return (tag.TrimBefore, tag.TrimAfter) switch
        {
            (false, false) => [(EnterOffset(text, tag), 2, Markers.Enter(tag.Id)), (tag.End, 0, Markers.Exit())],
            (false, true) => [(EnterOffset(text, tag), 2, Markers.Enter(tag.Id))],
            (true, false) => [(tag.End, 0, Markers.After(tag.Id))],
            (true, true) => [(WhitespaceStart(text, tag.Start), 2, Markers.Enter(tag.Id))],
        };
    }

    /// <summary>Before the mustache, or before a <c>\\</c> right in front of it: Handlebars reads <c>\\{{</c> as
    /// one backslash and a mustache only when nothing separates them.</summary>
    private static int EnterOffset(string text, TemplateTag tag) =>
        tag.Start >= 2 && text[tag.Start - 2] == '\\' && text[tag.Start - 1] == '\\' ? tag.Start - 2 : tag.Start;

    private static HashSet<int> SkippedLineStarts(SourceText source, IReadOnlyList<TemplateTag> tags)
    {
        var text = source.Text;
        var skipped = new HashSet<int>();
        foreach (var tag in tags)
        {
            var first = source.LineStarts[source.LineOf(tag.Start) - 1];
            var from = tag.TrimBefore ? WhitespaceStart(text, tag.Start) : tag.Start + 1;
            var to = tag.TrimAfter ? WhitespaceEnd(text, tag.End) : tag.End - 1;
            skipped.UnionWith(source.LineStarts.Where(start => start >= from && start <= to));
            if (tag.IsBlockLike && IsStandalone(text, first, tag))
            {
                skipped.Add(first);
            }
        }

        return skipped;
    }

    private static bool IsStandalone(string text, int lineStart, TemplateTag tag)
    {
        var lineEnd = text.IndexOf('\n', tag.End);
        var before = text.AsSpan(lineStart, tag.Start - lineStart);
        var after = text.AsSpan(tag.End, (lineEnd < 0 ? text.Length : lineEnd) - tag.End);
        return before.TrimStart(" \t").IsEmpty && after.TrimStart(" \t\r").IsEmpty;
    }

    private static int WhitespaceStart(string text, int offset)
    {
        while (offset > 0 && char.IsWhiteSpace(text[offset - 1]))
        {
            offset--;
        }

        return offset;
    }

    private static int WhitespaceEnd(string text, int offset)
    {
        while (offset < text.Length && char.IsWhiteSpace(text[offset]))
        {
            offset++;
        }

        return offset;
    }

    private static string Weave(string text, List<(int Offset, int Order, string Text)> insertions)
    {
        var builder = new StringBuilder(text.Length + (insertions.Count * 6));
        var position = 0;
        foreach (var (offset, _, marker) in insertions.OrderBy(i => i.Offset).ThenBy(i => i.Order))
        {
            builder.Append(text, position, offset - position).Append(marker);
            position = offset;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
