using System.Collections.Immutable;
using DiffPlex;
using DiffPlex.Model;

namespace Declarative.Cli.Rendering;

/// <summary>
/// The line diff of two texts as <c>diff -u</c> shows it: changed lines with <see cref="DefaultContext"/> unchanged
/// lines around each change, and every longer unchanged stretch folded into one counted line. The edit script is
/// DiffPlex's (Myers over lines; docs/decisions/line-diff.md).
/// </summary>
internal static class LineDiff
{
    public const int DefaultContext = 3;

    /// <summary>The lines of <paramref name="before"/> against <paramref name="after"/>; a null
    /// <paramref name="context"/> keeps every unchanged line.</summary>
    public static ImmutableArray<BlockLine> Of(string before, string after, int? context)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, new Lines());
        var all = Script(result);

        // A change of the text's ending (its final line break) is a change at its last line, as diff -u shows it.
        var endChanged = TextBlock.IndicatorOf(before) != TextBlock.IndicatorOf(after);
        return context is { } size ? Fold(all, size, endChanged) : all;
    }

    /// <summary>Every line of a text that is added or removed as a whole (a create, a delete).</summary>
    public static ImmutableArray<BlockLine> Whole(string text, BlockLineKind kind) =>
        [.. TextBlock.SplitLines(text).Select(line => new BlockLine(kind, line))];

    private static ImmutableArray<BlockLine> Script(DiffResult result)
    {
        var lines = ImmutableArray.CreateBuilder<BlockLine>();
        var oldIndex = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; oldIndex < block.DeleteStartA; oldIndex++)
            {
                lines.Add(new BlockLine(BlockLineKind.Unchanged, result.PiecesOld[oldIndex]));
            }

            lines.AddRange(Enumerable.Range(block.DeleteStartA, block.DeleteCountA).Select(i => new BlockLine(BlockLineKind.Removed, result.PiecesOld[i])));
            lines.AddRange(Enumerable.Range(block.InsertStartB, block.InsertCountB).Select(i => new BlockLine(BlockLineKind.Added, result.PiecesNew[i])));
            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }

        for (; oldIndex < result.PiecesOld.Count; oldIndex++)
        {
            lines.Add(new BlockLine(BlockLineKind.Unchanged, result.PiecesOld[oldIndex]));
        }

        return lines.ToImmutable();
    }

    /// <summary>Keeps the unchanged lines within <paramref name="context"/> of a change; a hidden stretch of one
    /// line is shown instead, as its count would take the same room.</summary>
    private static ImmutableArray<BlockLine> Fold(ImmutableArray<BlockLine> all, int context, bool endChanged)
    {
        var shown = new bool[all.Length];
        for (var i = endChanged ? Math.Max(0, all.Length - context - 1) : all.Length; i < all.Length; i++)
        {
            shown[i] = true;
        }

        for (var i = 0; i < all.Length; i++)
        {
            if (all[i].Kind != BlockLineKind.Unchanged)
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(all.Length - 1, i + context); j++)
                {
                    shown[j] = true;
                }
            }
        }

        var folded = ImmutableArray.CreateBuilder<BlockLine>();
        for (var i = 0; i < all.Length;)
        {
            var end = i;
            while (end < all.Length && !shown[end])
            {
                end++;
            }

            if (end - i > 1)
            {
                folded.Add(BlockLine.Folded(end - i));
            }
            else if (end > i)
            {
                folded.Add(all[i]);
            }

            if (end < all.Length)
            {
                folded.Add(all[end]);
            }

            i = end + 1;
        }

        return folded.ToImmutable();
    }

    /// <summary>Splits as <see cref="TextBlock"/> does: on line feeds only, without the final line break, so a
    /// carriage return stays part of its line and shows.</summary>
    private sealed class Lines : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => TextBlock.SplitLines(text);
    }
}
