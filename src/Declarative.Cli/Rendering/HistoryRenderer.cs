using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.State;

namespace Declarative.Cli.Rendering;

/// <summary>`decl history` as a table or as JSON (metadata only: no objects, so no secrets).</summary>
public static class HistoryRenderer
{
    public static string Text(IEnumerable<Revision> revisions)
    {
        var rows = revisions.Select(r => new[]
        {
            r.Number.ToString(CultureInfo.InvariantCulture),
            r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            r.Status.ToString().ToLowerInvariant(),
            r.Operation.ToString().ToLowerInvariant() + (r.RollbackOf is { } of ? string.Create(CultureInfo.InvariantCulture, $" of {of}") : string.Empty),
            r.User,
            r.GitCommit is { Length: >= 7 } commit ? commit[..7] : "-",
            Changes(r.Summary),
        }).ToList();
        if (rows.Count == 0)
        {
            return "No revisions yet. Run decl apply to create the first one.\n";
        }

        string[] header = ["REVISION", "STARTED", "STATUS", "OPERATION", "USER", "COMMIT", "CHANGES"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var builder = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            builder.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        return builder.ToString();
    }

    public static string Json(IEnumerable<Revision> revisions)
    {
        var array = new JsonArray([.. revisions.Select(r => (JsonNode)new JsonObject
        {
            ["revision"] = r.Number,
            ["status"] = r.Status.ToString().ToLowerInvariant(),
            ["operation"] = r.Operation.ToString().ToLowerInvariant(),
            ["rollbackOf"] = r.RollbackOf,
            ["user"] = r.User,
            ["startedAt"] = r.StartedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["finishedAt"] = r.FinishedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["gitCommit"] = r.GitCommit,
            ["declarativeVersion"] = r.DeclarativeVersion,
            ["summary"] = new JsonObject
            {
                ["created"] = r.Summary.Created,
                ["updated"] = r.Summary.Updated,
                ["replaced"] = r.Summary.Replaced,
                ["deleted"] = r.Summary.Deleted,
                ["unchanged"] = r.Summary.Unchanged,
            },
            ["objects"] = r.Inventory.Length,
            ["error"] = r.Error,
        })]);
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Changes(RevisionSummary s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{s.Created} created, {s.Updated} updated, {s.Replaced} replaced, {s.Deleted} deleted");
}
