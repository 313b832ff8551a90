using System.Collections.Immutable;
using System.Globalization;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// The fields of one resource's block in the text and markdown plans (docs/plan.md, "Outputs"): multi-line strings as
/// lines (a line diff with <see cref="LineDiff.DefaultContext"/> lines of context for a change), and a create or
/// delete taller than <see cref="LargeObjectFolding.MaxLines"/> lines folded. <c>full</c> turns both
/// foldings off; <c>serverDefaults</c> adds what the server would fill in on a create. Sensitive values stay "(sensitive)" whatever their shape. <c>-o json</c> does not use this: it keeps
/// whole values.
/// </summary>
internal sealed record FieldRows(ImmutableArray<FieldRow> Rows, int Fields, int Lines, bool Folded)
{
    /// <param name="serverDefaults">Also the fields the server would fill in on a create (<c>--verbose</c>).</param>
    public static FieldRows Of(ResourceChange change, bool full, bool serverDefaults = false)
    {
        ArgumentNullException.ThrowIfNull(change);
        var rows = PlanLineRenderer.Lines(change, serverDefaults).SelectMany(ScalarListItems.Split).Select(line => Row(line, full)).ToImmutableArray();
        var lines = rows.Sum(r => r.Height);
        var fold = !full && change.Action is ChangeAction.Create or ChangeAction.Delete && lines > LargeObjectFolding.MaxLines;
        return new FieldRows(fold ? LargeObjectFolding.Fold(rows) : rows, rows.Length, lines, fold);
    }

    private static FieldRow Row(PlanLine line, bool full)
    {
        if (line.Sensitive)
        {
            return new ValueRow(line);
        }

        var before = TextBlock.Of(line.Before);
        var after = line.Unknown ? null : TextBlock.Of(line.After);
        return line.Kind switch
        {
            FieldDiffKind.Added when after is not null => new BlockRow(line, after.Indicator, LineDiff.Whole(after.Text, BlockLineKind.Added)),
            FieldDiffKind.Removed when before is not null => new BlockRow(line, before.Indicator, LineDiff.Whole(before.Text, BlockLineKind.Removed)),
            FieldDiffKind.Changed when before is not null || after is not null => Changed(line, full),
            _ => new ValueRow(line),
        };
    }

    private static FieldRow Changed(PlanLine line, bool full)
    {
        var before = TextBlock.OfAnyString(line.Before);
        var after = line.Unknown ? null : TextBlock.OfAnyString(line.After);
        return (before, after) switch
        {
            ({ } old, { } now) => new BlockRow(
                line,
                old.Indicator == now.Indicator ? now.Indicator : $"{old.Indicator} -> {now.Indicator}",
                LineDiff.Of(old.Text, now.Text, full ? null : LineDiff.DefaultContext)),

            // One side is not text (a number, null, or known only after apply): the text is shown whole, the other inline.
            ({ } old, null) => new BlockRow(line, $"{old.Indicator} -> {AfterText(line)}", LineDiff.Whole(old.Text, BlockLineKind.Removed)),
            (null, { } now) => new BlockRow(line, $"{PlanValueRenderer.Text(line.Before)} -> {now.Indicator}", LineDiff.Whole(now.Text, BlockLineKind.Added)),
            _ => new ValueRow(line),
        };
    }

    /// <summary>The note over a folded create or delete, saying how to see all of it: "# (folded: --full shows all
    /// 1,338 fields)", with the lines too when multi-line values make them more ("all 6 fields, 77 lines").</summary>
    public string FoldedNote => Lines == Fields
        ? string.Create(CultureInfo.InvariantCulture, $"# (folded: --full shows all {Fields:N0} fields)")
        : string.Create(CultureInfo.InvariantCulture, $"# (folded: --full shows all {Fields:N0} fields, {Lines:N0} lines)");

    public static string AfterText(PlanLine line) => line.Unknown ? PlanValueRenderer.KnownAfterApply : PlanValueRenderer.Text(line.After);
}
