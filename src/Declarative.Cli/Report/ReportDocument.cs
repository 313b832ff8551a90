using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Cli.Rendering;
using Declarative.Core.Graph;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Cli.Report;

/// <summary>
/// The data a report page draws (format <c>report/v1</c>, docs/report.md): nodes with their state in the newest
/// revision, plan action and drift; edges with their reasons; the history with what each revision changed; and the
/// plan and drift in their own redacted JSON formats. Nothing here holds an applied object or a field value other
/// than what <c>decl plan -o json</c> and <c>decl drift -o json</c> already print, so Secret values cannot appear.
/// </summary>
internal static class ReportDocument
{
    public const string FormatVersion = "report/v1";

    /// <summary>The state of an object the newest revision does not hold.</summary>
    public const string NotApplied = "not-applied";

    public static JsonObject Build(ReportSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var revisions = sources.Revisions.OrderBy(r => r.Number).ToList();
        var newest = revisions.LastOrDefault();
        var plan = sources.Plan is null ? null : JsonNode.Parse(PlanJsonRenderer.Render(sources.Plan))!.AsObject();
        var drift = sources.Drift is null ? null : JsonNode.Parse(DriftRenderer.Json(sources.Drift))!.AsObject();
        var actions = ByAddress(plan?["resources"], "action");
        var drifted = ByAddress(drift?["objects"], "drift");

        var edges = GraphEdges(sources.Graph, newest);
        var addresses = new SortedSet<ResourceAddress>();
        addresses.UnionWith(sources.Graph?.Resources.Select(r => r.Address) ?? []);
        addresses.UnionWith(newest?.Inventory.Select(e => e.Address) ?? []);
        addresses.UnionWith(sources.Plan?.Changes.Select(c => c.Address) ?? []);
        addresses.UnionWith(sources.Drift?.Objects.Select(o => o.Address) ?? []);
        var ids = addresses.Select((address, index) => (address, index)).ToDictionary(p => p.address, p => p.index);
        var providers = Providers(sources, newest);
        var inNewest = newest?.Inventory.Select(e => e.Address).ToHashSet() ?? [];

        var nodes = new JsonArray([.. addresses.Select(address => (JsonNode)new JsonObject
        {
            ["id"] = ids[address],
            ["address"] = address.ToString(),
            ["module"] = address.Module,
            ["group"] = address.Group,
            ["kind"] = address.Kind,
            ["namespace"] = address.Namespace,
            ["name"] = address.Name,
            ["provider"] = providers.GetValueOrDefault(address),
            ["state"] = inNewest.Contains(address) ? Word(newest!.Status) : NotApplied,
            ["action"] = actions.GetValueOrDefault(address.ToString()),
            ["drift"] = drifted.GetValueOrDefault(address.ToString()),
        })]);
        var edgeArray = new JsonArray([.. edges
            .Where(e => ids.ContainsKey(e.From) && ids.ContainsKey(e.To))
            .Select(e => (JsonNode)new JsonObject
            {
                ["from"] = ids[e.From],
                ["to"] = ids[e.To],
                ["reason"] = e.Reason,
                ["kind"] = Word(e.Kind),
            })]);

        return new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["project"] = sources.Project,
            ["environment"] = sources.Environment,
            ["generatedAt"] = sources.GeneratedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["declarativeVersion"] = sources.DeclarativeVersion,
            ["newestRevision"] = newest is null ? null : new JsonObject { ["revision"] = newest.Number, ["status"] = Word(newest.Status) },
            ["graphSource"] = sources.Graph is not null ? "manifests" : newest is not null ? "revision" : "none",
            ["problems"] = new JsonObject
            {
                ["graph"] = sources.GraphProblem,
                ["plan"] = sources.PlanProblem,
                ["drift"] = sources.DriftProblem,
            },
            ["nodes"] = nodes,
            ["edges"] = edgeArray,
            ["plan"] = plan,
            ["drift"] = drift,
            ["revisions"] = new JsonArray([.. revisions.Select((revision, i) => Revision(revision, i == 0 ? null : revisions[i - 1])).Reverse()]),
        };
    }

    /// <summary>The manifests' edges when they loaded, else the newest revision's; the revision's edges of objects
    /// the manifests no longer hold are kept, so an object about to be deleted still shows what it was tied to.</summary>
    private static List<Edge> GraphEdges(ResourceGraph? graph, Revision? newest)
    {
        var edges = graph?.Edges.ToList() ?? [];
        var desired = graph?.Resources.Select(r => r.Address).ToHashSet() ?? [];
        edges.AddRange((newest?.Edges ?? []).Where(e => !desired.Contains(e.From) || !desired.Contains(e.To)));
        return edges;
    }

    private static Dictionary<ResourceAddress, string> Providers(ReportSources sources, Revision? newest)
    {
        var providers = new Dictionary<ResourceAddress, string>();
        foreach (var entry in newest?.Inventory ?? [])
        {
            providers[entry.Address] = entry.Provider;
        }

        foreach (var resource in sources.Graph?.Resources ?? [])
        {
            providers[resource.Address] = resource.Provider;
        }

        return providers;
    }

    private static Dictionary<string, string> ByAddress(JsonNode? list, string property) =>
        (list?.AsArray() ?? [])
            .Where(item => item?[property] is not null)
            .GroupBy(item => (string)item!["address"]!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (string)g.First()![property]!, StringComparer.Ordinal);

    private static JsonObject Revision(Revision revision, Revision? previous)
    {
        var changes = RevisionChanges.Between(previous, revision);
        return new JsonObject
        {
            ["revision"] = revision.Number,
            ["status"] = Word(revision.Status),
            ["operation"] = Word(revision.Operation),
            ["rollbackOf"] = revision.RollbackOf,
            ["user"] = revision.User,
            ["startedAt"] = revision.StartedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["finishedAt"] = revision.FinishedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["gitCommit"] = revision.GitCommit,
            ["error"] = revision.Error,
            ["summary"] = new JsonObject
            {
                ["created"] = revision.Summary.Created,
                ["updated"] = revision.Summary.Updated,
                ["replaced"] = revision.Summary.Replaced,
                ["deleted"] = revision.Summary.Deleted,
                ["unchanged"] = revision.Summary.Unchanged,
            },
            ["objects"] = revision.Inventory.Length,
            ["added"] = Addresses(changes.Added),
            ["changed"] = Addresses(changes.Changed),
            ["removed"] = Addresses(changes.Removed),
        };
    }

    private static JsonArray Addresses(IEnumerable<ResourceAddress> addresses) => new([.. addresses.Select(a => (JsonNode)a.ToString())]);

    private static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
