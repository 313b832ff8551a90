using System.Collections.Immutable;
using System.Globalization;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// One field as the text and markdown plans show it: a value on one line (<see cref="ValueRow"/>), a multi-line
/// value as a block of lines (<see cref="BlockRow"/>), or a folded subtree or text (<see cref="FoldRow"/>).
/// <see cref="Height"/> is the number of lines it takes in the text plan.
/// </summary>
internal abstract record FieldRow(FieldDiffKind Kind, string Path)
{
    public abstract int Height { get; }
}

/// <summary>A field whose value (or values, for a change) fits on its line.</summary>
internal sealed record ValueRow(PlanLine Line) : FieldRow(Line.Kind, Line.Path)
{
    public override int Height => 1;
}

/// <summary>A multi-line string: <see cref="Header"/> follows the path (<c>|</c>, or <c>| -> |-</c> when the ending
/// changes, or <c>| -> (known after apply)</c>), <see cref="Lines"/> follow it.</summary>
internal sealed record BlockRow(PlanLine Line, string Header, ImmutableArray<BlockLine> Lines) : FieldRow(Line.Kind, Line.Path)
{
    public override int Height => 1 + Lines.Length;

    /// <summary>How many lines the text has, folded ones included.</summary>
    public int TextLines => Lines.Sum(l => l.Kind == BlockLineKind.Folded ? l.Count : 1);
}

/// <summary>A subtree of <see cref="Count"/> fields, or a text of <see cref="Count"/> lines, shown as one line.</summary>
internal sealed record FoldRow(FieldDiffKind Kind, string Path, int Count, FoldUnit Unit) : FieldRow(Kind, Path)
{
    public override int Height => 1;

    /// <summary>"(1,284 fields)" or "(120 lines)".</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"({Count:N0} {(Unit == FoldUnit.Lines ? "lines" : "fields")})");
}

internal enum FoldUnit
{
    Fields,
    Lines,
}
