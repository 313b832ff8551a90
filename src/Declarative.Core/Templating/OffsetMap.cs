namespace Declarative.Core.Templating;

/// <summary>
/// Turns an offset in the text Scriban parsed back into an offset in the file the user wrote, across the edits of
/// <see cref="LiteralBraces"/>. An offset inside an edit maps to the edit's start in the file.
/// </summary>
internal sealed class OffsetMap
{
    public static readonly OffsetMap Identity = new([]);

    private readonly Edit[] _edits;

    public OffsetMap(IReadOnlyList<Edit> edits) => _edits = [.. edits];

    public bool IsIdentity => _edits.Length == 0;

    public int ToOriginal(int rewritten)
    {
        if (_edits.Length == 0 || rewritten < _edits[0].RewrittenStart)
        {
            return rewritten;
        }

        var (low, high) = (0, _edits.Length - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = _edits[middle].RewrittenStart <= rewritten ? (middle, high) : (low, middle - 1);
        }

        var edit = _edits[low];
        return rewritten < edit.RewrittenEnd ? edit.OriginalStart : rewritten - edit.RewrittenEnd + edit.OriginalEnd;
    }

    /// <summary>Original text [OriginalStart, OriginalEnd) became rewritten text [RewrittenStart, RewrittenEnd).</summary>
    internal readonly record struct Edit(int OriginalStart, int OriginalEnd, int RewrittenStart, int RewrittenEnd);
}
