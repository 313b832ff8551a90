using System.Globalization;
using System.Text;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// The plan as a person reads it in a terminal (docs/plan.md): one block per changed resource with only its
/// changed fields, the reason for every replace, drift and taken-over fields marked, the provider's notes (a field
/// kept because another manager set it; such a note lists an unchanged resource too), secrets as "(sensitive)",
/// then the summary line and, for more than ten changes, the counts by kind and namespace. Multi-line values are
/// shown as lines (a line diff for a change) and large creates and deletes are folded (<see cref="FieldRows"/>).
/// With <see cref="PlanTextOptions.Verbose"/>, unchanged resources, each block's dependencies and the fields the
/// server would fill in on a create (marked <c># (server default)</c>) are listed too;
/// with it or <see cref="PlanTextOptions.Full"/> nothing is folded. The same plan always gives the same bytes.
/// </summary>
public static class PlanTextRenderer
{
    private const string FieldIndent = "      ";

    public static string Render(Plan plan, Ansi ansi, bool verbose) => Render(plan, ansi, new PlanTextOptions(Verbose: verbose));

    public static string Render(Plan plan, Ansi ansi, PlanTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(ansi);
        ArgumentNullException.ThrowIfNull(options);
        var verbose = options.Verbose;
        var text = new StringBuilder();
        if (plan.HasChanges)
        {
            text.Append(CultureInfo.InvariantCulture, $"Declarative will perform these actions in environment \"{plan.Environment}\":\n");
        }

        foreach (var change in plan.Changes.Where(c => verbose || c.Action != ChangeAction.NoOp || !c.Change.Notes.IsDefaultOrEmpty))
        {
            text.Append('\n');
            AppendBlock(text, change, ansi, options);
        }

        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(plan.HasChanges ? ansi.Bold(PlanLineRenderer.Summary(plan.Summary)) : PlanLineRenderer.NoChanges).Append('\n');
        if (PlanGroups.Of(plan) is { } groups)
        {
            text.Append('\n').Append(PlanGroupTable.Text(groups));
        }

        return text.ToString();
    }

    private static void AppendBlock(StringBuilder text, ResourceChange change, Ansi ansi, PlanTextOptions options)
    {
        var header = $"{PlanLineRenderer.Symbol(change),3} {PlanLineRenderer.Word(change)}";
        text.Append(Colour(change.Action, header, ansi)).Append(' ').Append(change.Address.ToString()).Append('\n');
        if (change.Change.ReplaceReason is { } reason)
        {
            AppendNote(text, $"# forces replacement: {reason}", ansi);
        }

        if (change.Action == ChangeAction.Create && change.LastApplied is not null)
        {
            AppendNote(text, "# (drift: deleted outside Declarative)", ansi);
        }

        if (PlanLineRenderer.ServerMark(change) is { } mark)
        {
            AppendNote(text, mark, ansi);
        }

        foreach (var note in change.Change.Notes.IsDefault ? [] : change.Change.Notes)
        {
            AppendNote(text, note.Path is null ? $"# {note.Text}" : $"# {note.Path}: {note.Text}", ansi);
        }

        if (options.Verbose && !change.DependsOn.IsDefaultOrEmpty)
        {
            AppendNote(text, $"# after: {string.Join(", ", change.DependsOn)}", ansi);
        }

        var fields = FieldRows.Of(change, options.ShowsEverything, options.Verbose);
        if (fields.Folded)
        {
            AppendNote(text, fields.FoldedNote, ansi);
        }

        foreach (var row in fields.Rows)
        {
            AppendRow(text, row, ansi);
        }
    }

    private static void AppendRow(StringBuilder text, FieldRow row, Ansi ansi)
    {
        text.Append(FieldIndent).Append(Symbol(row.Kind, ansi)).Append(' ').Append(row.Path).Append(": ");
        switch (row)
        {
            case ValueRow value:
                text.Append(Values(value.Line));
                AppendMarks(text, value.Line, ansi);
                text.Append('\n');
                break;
            case BlockRow block:
                text.Append(block.Header);
                AppendMarks(text, block.Line, ansi);
                text.Append('\n');
                BlockLineText.Append(text, block.Lines, block.Kind == FieldDiffKind.Changed, ansi);
                break;
            case FoldRow fold:
                text.Append(ansi.Dim(fold.Text)).Append('\n');
                break;
        }
    }

    private static string Values(PlanLine line) => line switch
    {
        { Sensitive: true } => SensitiveText,
        { Kind: FieldDiffKind.Added } => After(line),
        { Kind: FieldDiffKind.Removed } => PlanValueRenderer.Text(line.Before),
        _ => $"{PlanValueRenderer.Text(line.Before)} -> {After(line)}",
    };

    private const string SensitiveText = Declarative.Core.Providers.SensitiveValues.Mask;

    private static string After(PlanLine line) => line.Unknown ? PlanValueRenderer.KnownAfterApply : PlanValueRenderer.Text(line.After);

    private static void AppendMarks(StringBuilder text, PlanLine line, Ansi ansi)
    {
        var marks = new List<string>();
        if (line.Drift)
        {
            marks.Add("(drift: changed outside Declarative)");
        }

        if (line.TakenFrom is { } manager)
        {
            marks.Add($"(taken from {manager})");
        }

        if (line.ServerDefault)
        {
            marks.Add(PlanLineRenderer.ServerDefaultMark);
        }

        if (marks.Count > 0)
        {
            text.Append(' ').Append(ansi.Dim($"# {string.Join(' ', marks)}"));
        }
    }

    private static void AppendNote(StringBuilder text, string note, Ansi ansi) => text.Append(FieldIndent).Append(ansi.Dim(note)).Append('\n');

    private static string Symbol(FieldDiffKind kind, Ansi ansi) => kind switch
    {
        FieldDiffKind.Added => ansi.Green("+"),
        FieldDiffKind.Removed => ansi.Red("-"),
        _ => ansi.Yellow("~"),
    };

    private static string Colour(ChangeAction action, string text, Ansi ansi) => action switch
    {
        ChangeAction.Create => ansi.Green(text),
        ChangeAction.Update => ansi.Yellow(text),
        ChangeAction.Replace or ChangeAction.Delete => ansi.Red(text),
        _ => ansi.Dim(text),
    };
}
