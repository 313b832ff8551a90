using System.Globalization;
using System.Net;
using System.Text;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Cli.Rendering;

/// <summary>
/// <c>decl plan -o markdown</c>, for a pull-request comment: a summary table, then one collapsible
/// <c>&lt;details&gt;</c> per changed resource holding a <c>diff</c> block of its changed fields and the provider's
/// notes; an unchanged resource with notes (a field kept because another manager set it) gets one too, as in the
/// text plan. Redacted like every plan output; byte-stable.
/// </summary>
public static class PlanMarkdownRenderer
{
    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### Declarative plan for `{plan.Project}` / `{plan.Environment}`\n\n");
        if (plan.HasChanges)
        {
            var summary = plan.Summary;
            text.Append("| Action | Resources |\n| --- | ---: |\n")
                .Append(CultureInfo.InvariantCulture, $"| create | {summary.Create} |\n| update | {summary.Update} |\n")
                .Append(CultureInfo.InvariantCulture, $"| replace | {summary.Replace} |\n| delete | {summary.Delete} |\n")
                .Append(CultureInfo.InvariantCulture, $"| unchanged | {summary.NoOp} |\n\n")
                .Append(CultureInfo.InvariantCulture, $"**{PlanLineRenderer.Summary(summary)}**\n");
        }
        else
        {
            text.Append(PlanLineRenderer.NoChanges).Append('\n');
        }

        foreach (var change in plan.Changes.Where(c => c.Action != ChangeAction.NoOp || !c.Change.Notes.IsDefaultOrEmpty))
        {
            AppendDetails(text, change);
        }

        return text.ToString();
    }

    private static void AppendDetails(StringBuilder text, ResourceChange change)
    {
        var title = $"{PlanLineRenderer.Symbol(change)} {PlanLineRenderer.Word(change)} {change.Address}".TrimStart();
        var body = string.Join('\n', DiffLines(change));
        var fence = Fence(body);
        text.Append(CultureInfo.InvariantCulture, $"\n<details>\n<summary><code>{WebUtility.HtmlEncode(title)}</code></summary>\n\n")
            .Append(CultureInfo.InvariantCulture, $"{fence}diff\n{body}\n{fence}\n\n</details>\n");
    }

    private static IEnumerable<string> DiffLines(ResourceChange change)
    {
        if (change.Action == ChangeAction.Delete)
        {
            yield return "# deleted: no longer in the configuration";
        }

        if (change.Change.ReplaceReason is { } reason)
        {
            yield return $"# forces replacement: {reason}";
        }

        if (change.Change.ServerDefaultsUnknown)
        {
            yield return "# (server defaults unknown)";
        }

        foreach (var note in change.Change.Notes.IsDefault ? [] : change.Change.Notes)
        {
            yield return note.Path is null ? $"# {note.Text}" : $"# {note.Path}: {note.Text}";
        }

        foreach (var line in PlanLineRenderer.Lines(change))
        {
            var marks = Marks(line);
            if (line.Kind is FieldDiffKind.Changed or FieldDiffKind.Removed)
            {
                yield return $"- {line.Path}: {(line.Sensitive ? SensitiveValues.Mask : PlanValueRenderer.Text(line.Before))}{(line.Kind == FieldDiffKind.Removed ? marks : string.Empty)}";
            }

            if (line.Kind is FieldDiffKind.Changed or FieldDiffKind.Added)
            {
                var after = line.Sensitive ? SensitiveValues.Mask : line.Unknown ? PlanValueRenderer.KnownAfterApply : PlanValueRenderer.Text(line.After);
                yield return $"+ {line.Path}: {after}{marks}";
            }
        }
    }

    private static string Marks(PlanLine line)
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

        return marks.Count == 0 ? string.Empty : $" # {string.Join(' ', marks)}";
    }

    // A value holding ``` must not end the block early: the fence is longer than any run of backticks inside.
    private static string Fence(string body)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
