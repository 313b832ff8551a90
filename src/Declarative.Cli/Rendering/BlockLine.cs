namespace Declarative.Cli.Rendering;

/// <summary>One line under a multi-line value: unchanged (context), removed, added, or a run of
/// <see cref="Count"/> unchanged lines folded into one ("... 42 unchanged lines ...").</summary>
internal sealed record BlockLine(BlockLineKind Kind, string Text, int Count = 1)
{
    public static BlockLine Folded(int count) => new(BlockLineKind.Folded, string.Empty, count);
}

internal enum BlockLineKind
{
    Unchanged,
    Removed,
    Added,
    Folded,
}
