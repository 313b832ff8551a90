using Declarative.Core.Diagnostics;

namespace Declarative.Core.Templating;

/// <summary>A template's text with its line starts, to turn offsets into file:line:column.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text, string file)
    {
        Text = text;
        File = file;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string Text { get; }

    public string File { get; }

    public IReadOnlyList<int> LineStarts => _lineStarts;

    /// <summary>The 1-based line holding <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    public SourceLocation Locate(int offset)
    {
        var line = LineOf(offset);
        return new SourceLocation(File, line, offset - _lineStarts[line - 1] + 1);
    }

    public SourceLocation LocateLine(int line) =>
        new(File, Math.Clamp(line, 1, _lineStarts.Length), 1);
}
