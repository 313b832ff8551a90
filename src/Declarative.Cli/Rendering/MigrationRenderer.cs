using System.Globalization;
using System.Text;
using Declarative.Cli.Commands;
using Declarative.Core.State.Migration;

namespace Declarative.Cli.Rendering;

/// <summary>What <c>decl state migrate</c> did, for the user: the two stores, each revision with its SHA-256 and
/// whether this run copied it, the verification, the edit of declarative.yaml that switches, and where the old copy
/// stays.</summary>
internal static class MigrationRenderer
{
    public static string Text(MigrationView view)
    {
        var report = view.Report;
        var text = new StringBuilder();
        var count = Revisions(report.Revisions.Length);
        if (report.Revisions.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $"Environment \"{view.Environment}\" (project \"{view.Project}\") has no revisions in the {view.SourceBackend} store: nothing to copy.\n");
        }
        else if (report.Copied.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $"Nothing to copy: the {view.TargetBackend} store already holds the history of environment \"{view.Environment}\" (project \"{view.Project}\"), identical.\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Copied the history of environment \"{view.Environment}\" (project \"{view.Project}\") from the {view.SourceBackend} store to the {view.TargetBackend} store.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"  from: {view.SourceLocation}\n");
        text.Append(CultureInfo.InvariantCulture, $"  to:   {view.TargetLocation}\n");
        if (!report.Revisions.IsEmpty)
        {
            text.Append('\n').Append(Table(report)).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"Verified: both stores hold {count}, each with the same number and SHA-256. Secret values were copied sealed, never opened.\n");
        }

        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"decl still uses the {view.SourceBackend} store. To switch, {view.Switch.Instruction}:\n\n");
        foreach (var line in view.Switch.Snippet.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append("  ").Append(line).Append('\n');
        }

        if (!report.Revisions.IsEmpty)
        {
            text.Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"The old copy stays where it was, untouched: {view.SourceLocation}. Remove it yourself once the {view.TargetBackend} store serves the environment.\n");
        }

        return text.ToString();
    }

    private static string Table(MigrationReport report)
    {
        var copied = report.Copied.ToHashSet();
        var rows = report.Revisions.Select(r => new[]
        {
            r.Number.ToString(CultureInfo.InvariantCulture),
            r.Status.ToString().ToLowerInvariant(),
            r.Operation.ToString().ToLowerInvariant(),
            StateMigration.Short(r.Checksum),
            copied.Contains(r.Number) ? "copied" : "there already",
        }).ToList();
        string[] header = ["REVISION", "STATUS", "OPERATION", "SHA-256", string.Empty];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var builder = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            builder.Append("  ").AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        return builder.ToString();
    }

    private static string Revisions(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} revision{(count == 1 ? string.Empty : "s")}");
}

/// <summary>What <see cref="MigrationRenderer"/> prints: the stores by backend word and location, the report, the switch.</summary>
internal sealed record MigrationView(
    string Project,
    string Environment,
    string SourceBackend,
    string SourceLocation,
    string TargetBackend,
    string TargetLocation,
    MigrationReport Report,
    StateSwitch Switch);
