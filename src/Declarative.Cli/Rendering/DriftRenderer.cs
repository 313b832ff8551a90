using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Drift;
using Declarative.Core.Providers;

namespace Declarative.Cli.Rendering;

/// <summary>
/// `decl drift` as text, as versioned JSON (docs/drift.md) and as markdown. Secret values are never shown: a
/// drifted secret field reads "(sensitive)"; a provider's note holds paths and manager names only. The providers'
/// notes (fields kept because another manager set them) are shown with the objects but are not drift. The same
/// report always gives the same bytes.
/// </summary>
public static class DriftRenderer
{
    public const string JsonFormatVersion = "drift/v1";

    public static string Text(DriftReport report, Ansi ansi)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(ansi);
        if (!report.HasDrift && report.Noted.IsEmpty)
        {
            return NoDrift(report) + "\n";
        }

        var text = new StringBuilder();
        if (report.HasDrift)
        {
            text.Append(CultureInfo.InvariantCulture, $"Drift in environment \"{report.Environment}\" against revision {report.Revision}:\n");
        }

        // An object that drifted and has notes is one block: its drifted fields, then its notes.
        var drifted = report.Objects.ToLookup(o => o.Address);
        var noted = report.Noted.ToLookup(n => n.Address);
        foreach (var address in report.Objects.Select(o => o.Address).Union(report.Noted.Select(n => n.Address)).Order())
        {
            text.Append('\n');
            foreach (var drift in drifted[address])
            {
                AppendDrifted(text, drift, ansi);
            }

            if (!drifted.Contains(address))
            {
                text.Append("    ").Append(address.ToString()).Append('\n');
            }

            foreach (var note in noted[address].SelectMany(n => n.Notes))
            {
                text.Append("      ").Append(ansi.Dim($"# {NoteText(note)}")).Append('\n');
            }
        }

        return text.Append('\n').Append(report.HasDrift ? ansi.Bold(Summary(report)) : NoDrift(report)).Append('\n').ToString();
    }

    private static void AppendDrifted(StringBuilder text, DriftedObject drifted, Ansi ansi)
    {
        var (symbol, note) = Marks(drifted.Kind);
        text.Append(ansi.Yellow($"  {symbol}")).Append(' ').Append(drifted.Address.ToString());
        if (note is not null)
        {
            text.Append(' ').Append(ansi.Dim($"# {note}"));
        }

        text.Append('\n');
        foreach (var field in drifted.Fields)
        {
            var block = MultiLine(field);
            text.Append("      ~ ").Append(field.Path).Append(": ");
            text.Append(block is { } b ? $"{b.Applied.Indicator} -> {b.Live.Indicator}" : $"{Applied(field)} -> {Live(field)}").Append(" (live)");
            if (field.Manager is { } manager)
            {
                text.Append(' ').Append(ansi.Dim($"# changed by {manager}"));
            }

            text.Append('\n');
            if (block is { } lines)
            {
                BlockLineText.Append(text, LineDiff.Of(lines.Applied.Text, lines.Live.Text, LineDiff.DefaultContext), marked: true, ansi);
            }
        }
    }

    /// <summary>A drifted multi-line string (a ConfigMap's config file edited by hand) is shown as a line diff, as
    /// plans show it; never a sensitive one.</summary>
    private static (TextBlock Applied, TextBlock Live)? MultiLine(DriftedField field) =>
        !field.Sensitive && (TextBlock.Of(field.Applied) is not null || TextBlock.Of(field.Live) is not null)
            && TextBlock.OfAnyString(field.Applied) is { } applied && TextBlock.OfAnyString(field.Live) is { } live
            ? (applied, live)
            : null;

    public static string Json(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject
        {
            ["formatVersion"] = JsonFormatVersion,
            ["project"] = report.Project,
            ["environment"] = report.Environment,
            ["revision"] = report.Revision,
            ["drift"] = report.HasDrift,
            ["summary"] = new JsonObject
            {
                ["changed"] = report.Count(DriftKind.Changed),
                ["deleted"] = report.Count(DriftKind.Deleted),
                ["unmanaged"] = report.Count(DriftKind.Unmanaged),
            },
            ["objects"] = new JsonArray([.. report.Objects.Select(o => (JsonNode)new JsonObject
            {
                ["address"] = o.Address.ToString(),
                ["kind"] = o.Address.Kind,
                ["name"] = o.Address.Name,
                ["namespace"] = o.Address.Namespace,
                ["drift"] = o.Kind.ToString().ToLowerInvariant(),
                ["fields"] = new JsonArray([.. o.Fields.Select(f => (JsonNode)new JsonObject
                {
                    ["path"] = f.Path,
                    ["applied"] = f.Sensitive ? SensitiveValues.Mask : f.Applied?.DeepClone(),
                    ["live"] = f.Sensitive ? SensitiveValues.Mask : f.Live?.DeepClone(),
                    ["manager"] = f.Manager,
                    ["sensitive"] = f.Sensitive,
                })]),
            })]),
            ["notes"] = new JsonArray([.. report.Noted.SelectMany(o => o.Notes.Select(n => (JsonNode)new JsonObject
            {
                ["address"] = o.Address.ToString(),
                ["kind"] = o.Address.Kind,
                ["name"] = o.Address.Name,
                ["namespace"] = o.Address.Namespace,
                ["path"] = n.Path,
                ["text"] = n.Text,
            }))]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public static string Markdown(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### Declarative drift for `{report.Project}` / `{report.Environment}`\n\n");
        if (!report.HasDrift)
        {
            text.Append(NoDrift(report)).Append('\n');
            AppendNotesTable(text, report);
            return text.ToString();
        }

        text.Append("| Object | Drift | Fields |\n| --- | --- | --- |\n");
        foreach (var drifted in report.Objects)
        {
            var fields = string.Join("<br>", drifted.Fields.Select(f =>
                $"`{f.Path}`: `{Applied(f)}` → `{Live(f)}`" + (f.Manager is { } m ? $" (by {m})" : string.Empty)));
            text.Append(CultureInfo.InvariantCulture, $"| `{drifted.Address}` | {Marks(drifted.Kind).Note ?? "changed"} | {Cell(fields)} |\n");
        }

        AppendNotesTable(text, report);
        return text.Append('\n').Append(CultureInfo.InvariantCulture, $"**{Summary(report)}**\n").ToString();
    }

    /// <summary>The notes apart from the drift table: they are not drift and do not count in the summary.</summary>
    private static void AppendNotesTable(StringBuilder text, DriftReport report)
    {
        if (report.Noted.IsEmpty)
        {
            return;
        }

        text.Append("\nNotes (not counted as drift):\n\n| Object | Field | Note |\n| --- | --- | --- |\n");
        foreach (var noted in report.Noted)
        {
            foreach (var note in noted.Notes)
            {
                var path = note.Path is null ? string.Empty : $"`{note.Path}`";
                text.Append(CultureInfo.InvariantCulture, $"| `{noted.Address}` | {Cell(path)} | {Cell(note.Text)} |\n");
            }
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string NoteText(ChangeNote note) => note.Path is null ? note.Text : $"{note.Path}: {note.Text}";

    private static string NoDrift(DriftReport report) => report.Revision is null
        ? $"No drift: environment \"{report.Environment}\" has no revision yet."
        : string.Create(CultureInfo.InvariantCulture, $"No drift. The environment matches revision {report.Revision}.");

    private static string Summary(DriftReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"Drift: {report.Count(DriftKind.Changed)} changed, {report.Count(DriftKind.Deleted)} deleted, {report.Count(DriftKind.Unmanaged)} unmanaged.");

    private static (string Symbol, string? Note) Marks(DriftKind kind) => kind switch
    {
        DriftKind.Deleted => ("-", "deleted outside Declarative"),
        DriftKind.Unmanaged => ("+", "has this environment's labels but no revision owns it"),
        _ => ("~", null),
    };

    private static string Applied(DriftedField field) => field.Sensitive ? SensitiveValues.Mask : PlanValueRenderer.Text(field.Applied);

    private static string Live(DriftedField field) => field.Sensitive ? SensitiveValues.Mask : field.Live is null ? "(absent)" : PlanValueRenderer.Text(field.Live);
}
