using System.Text;

namespace Declarative.Cli.Rendering;

/// <summary><see cref="PlanGroups"/> as an aligned text table (under the text plan's summary line) and as a
/// markdown table (under the markdown plan's).</summary>
internal static class PlanGroupTable
{
    private const string Indent = "  ";

    public static string Text(PlanGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var header = new[] { "Kind", "Namespace" }.Concat(groups.Actions.Select(PlanGroups.Header)).ToArray();
        var rows = groups.Rows.Select(g => new[] { g.Kind, g.Namespace }.Concat(groups.Actions.Select(a => PlanGroups.Cell(g, a))).ToArray()).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            // Names are left-aligned, counts right-aligned under their action.
            var cells = row.Select((cell, i) => i < 2 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            text.Append(Indent).Append(string.Join("  ", cells).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    public static string Markdown(PlanGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var text = new StringBuilder("| Kind | Namespace |");
        text.Append(string.Concat(groups.Actions.Select(a => $" {PlanGroups.Header(a)} |"))).Append("\n| --- | --- |");
        text.Append(string.Concat(groups.Actions.Select(_ => " ---: |"))).Append('\n');
        foreach (var group in groups.Rows)
        {
            var ns = group.Namespace.Length == 0 ? string.Empty : $"`{group.Namespace}`";
            var kind = group.Kind.StartsWith('(') ? group.Kind : $"`{group.Kind}`";
            text.Append($"| {kind} | {ns} |").Append(string.Concat(groups.Actions.Select(a => $" {PlanGroups.Cell(group, a)} |"))).Append('\n');
        }

        return text.ToString();
    }
}
