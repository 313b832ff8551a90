using System.Globalization;
using System.Text;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// <c>decl plan -o markdown</c>, for a pull-request comment: the summary first (a table of actions, the summary line,
/// and for more than ten changes the counts by kind and namespace), then one collapsible <c>&lt;details&gt;</c> per
/// resource in plan order (<see cref="PlanMarkdownDetails"/>) while they fit <see cref="PlanMarkdownOptions.MaxSize"/>
/// characters, then what was left out and where the full plan is (<see cref="PlanMarkdownLeftOut"/>). An unchanged
/// resource with notes (a field kept because another manager set it) gets a block too, as in the text plan. Redacted
/// like every plan output; byte-stable.
/// </summary>
public static class PlanMarkdownRenderer
{
    public static string Render(Plan plan) => Render(plan, PlanMarkdownOptions.Default);

    public static string Render(Plan plan, PlanMarkdownOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder(Head(plan));
        var listed = plan.Changes.Where(c => c.Action != ChangeAction.NoOp || !c.Change.Notes.IsDefaultOrEmpty).ToList();
        var blocks = listed.Select(c => PlanMarkdownDetails.Of(c, options.Full, options.ServerDefaults)).ToList();
        if (text.Length + blocks.Sum(b => b.Length) <= options.MaxSize)
        {
            blocks.ForEach(b => text.Append(b));
            return text.ToString();
        }

        // Room is kept for the closing note, so that what fits is followed by what did not.
        var reserve = new PlanMarkdownLeftOut(plan, options, listed);
        var shown = 0;
        while (shown < blocks.Count && text.Length + blocks[shown].Length + reserve.Room(shown + 1) <= options.MaxSize)
        {
            text.Append(blocks[shown++]);
        }

        return text.Append(reserve.Note(shown, options.MaxSize - text.Length)).ToString();
    }

    private static string Head(Plan plan)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### Declarative plan for `{plan.Project}` / `{plan.Environment}`\n\n");
        if (!plan.HasChanges)
        {
            return text.Append(PlanLineRenderer.NoChanges).Append('\n').ToString();
        }

        var summary = plan.Summary;
        text.Append("| Action | Resources |\n| --- | ---: |\n")
            .Append(CultureInfo.InvariantCulture, $"| create | {summary.Create} |\n| update | {summary.Update} |\n")
            .Append(CultureInfo.InvariantCulture, $"| replace | {summary.Replace} |\n| delete | {summary.Delete} |\n")
            .Append(CultureInfo.InvariantCulture, $"| unchanged | {summary.NoOp} |\n\n")
            .Append(CultureInfo.InvariantCulture, $"**{PlanLineRenderer.Summary(summary)}**\n");
        if (PlanGroups.Of(plan) is { } groups)
        {
            text.Append('\n').Append(PlanGroupTable.Markdown(groups));
        }

        return text.ToString();
    }
}
