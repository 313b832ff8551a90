namespace Declarative.Core.Manifests.Yaml;

/// <summary>The lines of the parsed text, to look at what the parser does not report (tabs in indentation).</summary>
internal sealed class SourceText(string text)
{
    private readonly string[] _lines = text.Split('\n');

    /// <summary>The first tab of the indentation in front of a node that starts its line, else null.</summary>
    public SourcePosition? TabInIndentation(SourcePosition nodeStart)
    {
        if (nodeStart.Line < 1 || nodeStart.Line > _lines.Length)
        {
            return null;
        }

        var line = _lines[nodeStart.Line - 1];
        var before = line.AsSpan(0, Math.Min(nodeStart.Column - 1, line.Length));
        var tab = before.IndexOf('\t');
        return tab >= 0 && before.IsWhiteSpace() ? new SourcePosition(nodeStart.Line, tab + 1) : null;
    }

    /// <summary>The first tab in the indentation of a line at or after <paramref name="fromLine"/>.</summary>
    public SourcePosition? FirstTabIndentedLine(int fromLine)
    {
        for (var i = Math.Max(fromLine, 1); i <= _lines.Length; i++)
        {
            var line = _lines[i - 1];
            var indentation = line.AsSpan(0, line.Length - line.AsSpan().TrimStart(" \t").Length);
            var tab = indentation.IndexOf('\t');
            if (tab >= 0)
            {
                return new SourcePosition(i, tab + 1);
            }
        }

        return null;
    }

    /// <summary>The character at a 1-based position, or null past the text.</summary>
    public char? CharAt(SourcePosition position)
    {
        if (position.Line < 1 || position.Line > _lines.Length)
        {
            return null;
        }

        var line = _lines[position.Line - 1];
        return position.Column >= 1 && position.Column <= line.Length ? line[position.Column - 1] : null;
    }
}
