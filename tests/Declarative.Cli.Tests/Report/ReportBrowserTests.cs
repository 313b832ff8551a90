using System.Net.Http.Headers;
using System.Text;
using Declarative.Testing;
using Xunit.Abstractions;

namespace Declarative.Cli.Tests.Report;

/// <summary>
/// <c>decl report</c> on the shop project after two applies against the API double and a hand edit, opened in a real
/// headless Chromium: the page draws every object, edge and revision, the plan and the drift, and no Secret value.
/// With DECLARATIVE_UPDATE_GOLDEN=1 the screenshot is kept as docs/images/report.png.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string HandEditedSecret = "hand-edited-password";
    private const string NewSecret = "rotated-db-password";
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string>
    {
        ["shop/manifests/config.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  MODE: dev\n",
        ["shop/manifests/web.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{values.replicas}}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        envFrom:\n        - configMapRef: {name: settings}\n        env:\n        - name: DB_PASSWORD\n          valueFrom: {secretKeyRef: {name: db, key: password}}\n",
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task The_report_of_an_applied_project_shows_its_objects_edges_revisions_plan_and_drift_in_chromium()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve", "--set", "replicas=3")).ExitCode);
        await PatchAsync("/apis/apps/v1/namespaces/shop-dev/deployments/web?fieldManager=kubectl", """{"spec":{"replicas":5}}""");
        await PatchAsync("/api/v1/namespaces/shop-dev/secrets/db?fieldManager=kubectl-edit", $$$"""{"data":{"password":"{{{Base64(HandEditedSecret)}}}"}}""");
        _shop.Dir.Write("shop/manifests/secret.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {NewSecret}\n");

        var report = await _shop.Decl("report", "shop", "-o", "report.html");

        Assert.True(report.ExitCode == 0, report.All);
        Assert.Contains("Wrote report.html: 4 objects", report.Stdout, StringComparison.Ordinal);
        var page = _shop.Dir.PathOf("report.html");
        var html = await File.ReadAllTextAsync(page);
        foreach (var secret in new[] { ShopCluster.SecretValue, HandEditedSecret, NewSecret })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            Assert.DoesNotContain(Base64(secret), html, StringComparison.Ordinal);
        }

        var dom = await HeadlessChromium.DumpDomAsync(page);
        var png = _shop.Dir.PathOf("report.png");
        await HeadlessChromium.ScreenshotAsync(page, png);

        Assert.Contains("data-rendered=\"true\"", dom, StringComparison.Ordinal);
        foreach (var address in new[] { "Namespace/shop-dev", "Secret/shop-dev/db", "ConfigMap/shop-dev/settings", "Deployment.apps/shop-dev/web" })
        {
            Assert.Contains($"class=\"node state-deployed", NodeTag(dom, address), StringComparison.Ordinal);
        }

        Assert.Contains("drift-changed action-update", NodeTag(dom, "Deployment.apps/shop-dev/web"), StringComparison.Ordinal);
        Assert.Contains("data-from=\"Deployment.apps/shop-dev/web\" data-to=\"Secret/shop-dev/db\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-from=\"Deployment.apps/shop-dev/web\" data-to=\"ConfigMap/shop-dev/settings\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-from=\"Secret/shop-dev/db\" data-to=\"Namespace/shop-dev\"", dom, StringComparison.Ordinal);
        Assert.Contains("<tr data-revision=\"2\"", dom, StringComparison.Ordinal);
        Assert.Contains("<tr data-revision=\"1\"", dom, StringComparison.Ordinal);
        Assert.Contains("~ Deployment.apps/shop-dev/web", dom, StringComparison.Ordinal);
        Assert.Contains("spec.replicas: 5 → 2", dom, StringComparison.Ordinal);
        Assert.Contains("spec.replicas: 3 → 5 (live) # changed by kubectl", dom, StringComparison.Ordinal);
        Assert.Contains("drift-changed action-update", NodeTag(dom, "Secret/shop-dev/db"), StringComparison.Ordinal);
        Assert.Contains(">data.password: (sensitive)</li>", dom, StringComparison.Ordinal);
        Assert.Contains(">data.password: (sensitive) # changed by kubectl-edit</li>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopCluster.SecretValue, dom, StringComparison.Ordinal);
        Assert.DoesNotContain(NewSecret, dom, StringComparison.Ordinal);
        Assert.DoesNotContain(HandEditedSecret, dom, StringComparison.Ordinal);

        var filtered = await HeadlessChromium.DumpDomAsync(page, "q=settings");
        Assert.Contains("hit", NodeTag(filtered, "ConfigMap/shop-dev/settings"), StringComparison.Ordinal);
        Assert.Contains(" dim", NodeTag(filtered, "Secret/shop-dev/db"), StringComparison.Ordinal);
        Assert.DoesNotContain(" dim", NodeTag(dom, "Secret/shop-dev/db"), StringComparison.Ordinal);
        Assert.Matches("<tr data-address=\"Secret/shop-dev/db\"[^>]*class=\"hidden\"", filtered);
        Assert.Matches("<tr data-address=\"ConfigMap/shop-dev/settings\" data-search=\"[^\"]*\">", filtered);

        var size = new FileInfo(png).Length;
        output.WriteLine($"report.html {html.Length / 1024} KiB, screenshot {size / 1024} KiB");
        Assert.True(size > 20_000, $"The screenshot is {size} bytes: a blank page is smaller.");
        if (Environment.GetEnvironmentVariable(GoldenFile.UpdateVariable) == "1")
        {
            File.Copy(png, Path.Combine(TestPaths.RepositoryRoot, "docs", "images", "report.png"), overwrite: true);
        }
    }

    [Fact]
    public async Task Without_a_readable_cluster_the_report_says_so_and_still_draws_the_graph()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        _shop.Dir.Write("unreachable", _shop.Host.KubeconfigYaml().Replace(_shop.Host.BaseAddress.Authority, "127.0.0.1:9", StringComparison.Ordinal));

        var report = await CliRunner.RunAsync(_shop.Dir.Root, _shop.Environment, "report", "shop", "-o", "report.html", "--kubeconfig", "unreachable");

        Assert.True(report.ExitCode == 0, report.All);
        Assert.Contains("warning: the report says:", report.Stderr, StringComparison.Ordinal);
        var dom = await HeadlessChromium.DumpDomAsync(_shop.Dir.PathOf("report.html"));
        Assert.Contains("The live systems could not be read", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"node state-deployed", NodeTag(dom, "Deployment.apps/shop-dev/web"), StringComparison.Ordinal);
        Assert.Contains("<tr data-revision=\"1\"", dom, StringComparison.Ordinal);
    }

    /// <summary>The opening tag of the graph node of <paramref name="address"/>: chromium writes the attributes in the
    /// order the script set them (class, transform, data-address).</summary>
    private static string NodeTag(string dom, string address)
    {
        var at = dom.IndexOf($"data-address=\"{address}\"><title>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"The graph has no node {address}.");
        var start = dom.LastIndexOf("<g ", at, StringComparison.Ordinal);
        return dom[start..at];
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private async Task PatchAsync(string path, string body)
    {
        using var http = _shop.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
