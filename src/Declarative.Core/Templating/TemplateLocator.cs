using Declarative.Core.Diagnostics;
using Scriban.Syntax;

namespace Declarative.Core.Templating;

/// <summary>
/// Locates what Scriban reports (offsets in the parsed text) in the file the user wrote. A problem is located at
/// the <c>{{</c> that opens its code block when that is on the same line, as in <c>replicas: {{ values.x }}</c>;
/// otherwise (a block that spans lines) at the problem itself.
/// </summary>
internal sealed class TemplateLocator(SourceText source, string parsedText, OffsetMap offsets, IReadOnlyList<int> codeStarts)
{
    public SourceText Source => source;

    /// <summary>The expression as the user wrote it (from the parsed text), for messages; empty when the node
    /// has no usable span.</summary>
    public string TextOf(ScriptNode? node)
    {
        if (node is null)
        {
            return string.Empty;
        }

        var (start, end) = (node.Span.Start.Offset, node.Span.End.Offset);
        return start >= 0 && end >= start && end < parsedText.Length ? parsedText[start..(end + 1)].Trim() : string.Empty;
    }

    public SourceLocation Locate(int parsedOffset) => source.Locate(OriginalOffset(parsedOffset));

    /// <summary>The 1-based line of the file that holds <paramref name="parsedOffset"/>.</summary>
    public int LineOf(int parsedOffset) => source.LineOf(offsets.ToOriginal(Math.Max(parsedOffset, 0)));

    private int OriginalOffset(int parsedOffset)
    {
        var offset = offsets.ToOriginal(Math.Max(parsedOffset, 0));
        var codeStart = EnclosingCodeStart(parsedOffset);
        if (codeStart is { } start)
        {
            var original = offsets.ToOriginal(start);
            if (source.LineOf(original) == source.LineOf(offset))
            {
                return original;
            }
        }

        return offset;
    }

    private int? EnclosingCodeStart(int parsedOffset)
    {
        var (low, high, found) = (0, codeStarts.Count - 1, -1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (codeStarts[middle] <= parsedOffset)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? null : codeStarts[found];
    }
}
