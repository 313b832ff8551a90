using System.Globalization;

namespace Declarative.Cli.Rendering;

/// <summary>One line under a multi-line value: unchanged (context), removed, added, or a run of
/// <see cref="Count"/> unchanged lines folded into one ("... 42 unchanged lines ...").</summary>
internal sealed record BlockLine(BlockLineKind Kind, string Text, int Count = 1)
{
    public static BlockLine Folded(int count) => new(BlockLineKind.Folded, string.Empty, count);

    /// <summary>"... 42 unchanged lines ...", how a folded stretch reads.</summary>
    public string FoldedText => string.Create(CultureInfo.InvariantCulture, $"... {Count:N0} unchanged {(Count == 1 ? "line" : "lines")} ...");
}

internal enum BlockLineKind
{
    Unchanged,
    Removed,
    Added,
    Folded,
}
