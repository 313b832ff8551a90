using System.Diagnostics;
using System.Text.Json.Nodes;
using Declarative.Cli.Report;
using Declarative.Core.Graph;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Xunit.Abstractions;
using static Declarative.Cli.Tests.Report.ReportSamples;

namespace Declarative.Cli.Tests.Report;

/// <summary>The report's data and page from hand-built sources: every object, edge and revision is there, what each
/// revision changed is derived from the inventories, and no Secret value or markup from the data reaches the page.</summary>
public sealed class ReportDocumentTests(ITestOutputHelper output)
{
    private const string SecretValue = "s3cr3t-db-password";
    private static readonly ResourceAddress Namespace = Address(string.Empty, "Namespace", null, "shop");
    private static readonly ResourceAddress Secret = Address(string.Empty, "Secret", "shop", "db");
    private static readonly ResourceAddress Web = Address("apps", "Deployment", "shop", "web");
    private static readonly ResourceAddress Old = Address(string.Empty, "ConfigMap", "shop", "old");

    [Fact]
    public void Objects_edges_and_revisions_are_in_the_data_with_state_and_what_each_revision_changed()
    {
        var data = ReportDocument.Build(ShopSources());

        var nodes = data["nodes"]!.AsArray().ToDictionary(n => (string)n!["address"]!, n => n!);
        Assert.Equal(["ConfigMap/shop/old", "Deployment.apps/shop/web", "Namespace/shop", "Secret/shop/db"], nodes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("deployed", (string)nodes["Deployment.apps/shop/web"]["state"]!);
        Assert.Equal("not-applied", (string)nodes["Secret/shop/db"]["state"]!);
        Assert.Equal("deployed", (string)nodes["ConfigMap/shop/old"]["state"]!);

        var edges = data["edges"]!.AsArray().Select(e => $"{(string)nodes.Values.Single(n => (int)n["id"]! == (int)e!["from"]!)["address"]!} -> {(string)nodes.Values.Single(n => (int)n["id"]! == (int)e!["to"]!)["address"]!}: {(string)e!["reason"]!}").ToList();
        Assert.Contains("Deployment.apps/shop/web -> Secret/shop/db: spec.template.spec.volumes[name=db].secret.secretName", edges);
        Assert.Contains("Secret/shop/db -> Namespace/shop: metadata.namespace", edges);
        Assert.Contains("ConfigMap/shop/old -> Namespace/shop: metadata.namespace", edges);

        var revisions = data["revisions"]!.AsArray();
        Assert.Equal([2, 1], revisions.Select(r => (int)r!["revision"]!));
        Assert.Equal(["Deployment.apps/shop/web"], revisions[0]!["changed"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["ConfigMap/shop/old"], revisions[0]!["added"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["Secret/shop/db"], revisions[0]!["removed"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(3, revisions[1]!["added"]!.AsArray().Count);
        Assert.Equal("revision", (string)ReportDocument.Build(ShopSources(withGraph: false))["graphSource"]!);
    }

    [Fact]
    public void A_secret_value_in_the_manifests_and_the_history_never_reaches_the_page()
    {
        var html = ReportPage.Render(ReportDocument.Build(ShopSources()));

        Assert.DoesNotContain(SecretValue, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("s3cr3t-db-password"u8.ToArray()), html, StringComparison.Ordinal);
        Assert.Contains("Secret/shop/db", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_the_data_cannot_close_the_script_block()
    {
        var user = "</script><script>alert(1)</script>{{script}}";
        var html = ReportPage.Render(ReportDocument.Build(Sources(null, [Revision(1, RevisionStatus.Deployed, [], user: user)])));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<script>").Length - 1);
        Assert.Equal(user, (string)DataOf(html)["revisions"]![0]!["user"]!);
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var html = ReportPage.Render(ReportDocument.Build(ShopSources()));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html.Replace("https://k8s.test:6443", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(http", html, StringComparison.Ordinal);
    }

    /// <summary>Size and time are measured and printed, not asserted: the machine is shared. The bound on size is an
    /// order of magnitude above what it measures, to catch a page that grows with the square of the objects.</summary>
    [Fact]
    public void A_thousand_objects_render_and_their_size_is_measured()
    {
        var namespaces = Enumerable.Range(0, 10).Select(i => Address(string.Empty, "Namespace", null, $"team-{i}")).ToList();
        var maps = Enumerable.Range(0, 990).Select(i => Address(string.Empty, i % 3 == 0 ? "Secret" : "ConfigMap", $"team-{i % 10}", $"object-{i}")).ToList();
        var edges = maps.Select(m => new Edge(m, namespaces[int.Parse(m.Namespace!["team-".Length..], System.Globalization.CultureInfo.InvariantCulture)], "metadata.namespace", DependencyKind.Implicit)).ToList();
        var graph = Graph(namespaces.Concat(maps).Select(a => Resource(a, new JsonObject { ["data"] = new JsonObject { ["value"] = SecretValue } })), edges);
        var revisions = Enumerable.Range(1, 5).Select(n => Revision(n, n == 5 ? RevisionStatus.Deployed : RevisionStatus.Superseded, namespaces.Concat(maps).Take(900 + (n * 20)).Select(a => Entry(a, [], $"h{n}")), edges)).ToList();

        var clock = Stopwatch.StartNew();
        var html = ReportPage.Render(ReportDocument.Build(Sources(graph, revisions)));
        clock.Stop();

        output.WriteLine($"1,000 objects, {edges.Count} edges, 5 revisions: {html.Length / 1024} KiB in {clock.ElapsedMilliseconds} ms");
        var data = DataOf(html);
        Assert.Equal(1000, data["nodes"]!.AsArray().Count);
        Assert.Equal(990, data["edges"]!.AsArray().Count);
        Assert.DoesNotContain(SecretValue, html, StringComparison.Ordinal);
        Assert.True(html.Length < 20_000_000, $"The page of 1,000 objects is {html.Length} characters.");
    }

    private static ReportSources ShopSources(bool withGraph = true)
    {
        var secretContent = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["stringData"] = new JsonObject { ["password"] = SecretValue } };
        var graph = Graph(
            [
                Resource(Namespace, new JsonObject { ["kind"] = "Namespace" }),
                Resource(Secret, secretContent),
                Resource(Web, new JsonObject { ["kind"] = "Deployment", ["spec"] = new JsonObject { ["replicas"] = 3 } }),
            ],
            [
                new Edge(Secret, Namespace, "metadata.namespace", DependencyKind.Implicit),
                new Edge(Web, Secret, "spec.template.spec.volumes[name=db].secret.secretName", DependencyKind.Required),
                new Edge(Web, Namespace, "metadata.namespace", DependencyKind.Implicit),
            ]);
        var first = Revision(1, RevisionStatus.Superseded, [
            Entry(Namespace, []),
            Entry(Secret, new JsonObject { ["data"] = new JsonObject { ["password"] = SecretValue } }, "h1", "data"),
            Entry(Web, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 2 } }),
        ]);
        var second = Revision(
            2,
            RevisionStatus.Deployed,
            [Entry(Namespace, []), Entry(Web, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 3 } }), Entry(Old, [])],
            [new Edge(Old, Namespace, "metadata.namespace", DependencyKind.Implicit)]);
        return Sources(withGraph ? graph : null, [first, second]);
    }
}
