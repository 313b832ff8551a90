using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Cli.Report;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Cli.Tests.Report;

/// <summary>Report sources built by hand: graphs, revisions and their inventories, without a cluster.</summary>
internal static partial class ReportSamples
{
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    public static ResourceAddress Address(string group, string kind, string? ns, string name) => new(string.Empty, group, kind, ns, name);

    public static Resource Resource(ResourceAddress address, JsonObject content) => new(
        address,
        new ResourceType(address.Group.Length == 0 ? "v1" : $"{address.Group}/v1", address.Kind),
        address.Namespace is null ? ResourceScope.Cluster : ResourceScope.Namespaced,
        "kubernetes",
        content,
        DocumentSource.Synthetic("manifests.yaml"));

    public static ResourceGraph Graph(IEnumerable<Resource> resources, IEnumerable<Edge> edges)
    {
        var list = resources.ToImmutableArray();
        return new ResourceGraph(list, [.. edges], [.. list.Select(r => r.Address)]);
    }

    public static InventoryEntry Entry(ResourceAddress address, JsonObject applied, string hash = "h1", params string[] sensitivePaths) => new(
        "kubernetes",
        new AppliedResource(address, new ResourceType("v1", address.Kind), applied, ResourceOutputs.Empty, new Fingerprint(hash, null, null)),
        [.. sensitivePaths]);

    public static Revision Revision(int number, RevisionStatus status, IEnumerable<InventoryEntry> inventory, IEnumerable<Edge>? edges = null, string user = "tester", RevisionSummary? summary = null) => new(
        number,
        RevisionOperation.Apply,
        null,
        status,
        user,
        Now.AddMinutes(number),
        Now.AddMinutes(number).AddSeconds(20),
        "0123456789abcdef",
        "0.1.0",
        new TargetIdentity("https://k8s.test:6443", "test", "shop", null),
        [.. inventory.OrderBy(e => e.Address)],
        [.. edges ?? []],
        summary ?? RevisionSummary.Empty,
        "decl apply --env dev");

    public static ReportSources Sources(ResourceGraph? graph, IEnumerable<Revision> revisions, string? planProblem = "the live systems cannot be read: test", string? driftProblem = "the live systems cannot be read: test") =>
        new("shop", "dev", Now, "0.1.0", graph, graph is null ? "The manifests did not load." : null, [.. revisions], null, planProblem, null, driftProblem);

    /// <summary>The page's embedded data, read back the way its script reads it.</summary>
    public static JsonObject DataOf(string html)
    {
        var match = DataBlock().Match(html);
        Assert.True(match.Success, "The page has no <script type=\"application/json\" id=\"report-data\"> block.");
        return JsonNode.Parse(match.Groups[1].Value)!.AsObject();
    }

    [GeneratedRegex("""<script type="application/json" id="report-data">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex DataBlock();
}
