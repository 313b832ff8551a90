using System.Text.Json.Nodes;

namespace Declarative.Cli.Tests;

/// <summary>apply --atomic against the API double: a failed run is rolled back, and the history shows both.</summary>
public sealed class AtomicApplyTests : IAsyncLifetime
{
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string>
    {
        ["shop/values.yaml"] = "replicas: 2\ntag: \"1.27\"\n",
        ["shop/manifests/web.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{values.replicas}}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:{{values.tag}}\n",
        ["shop/manifests/extra.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: \"1\"\n",
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_failed_atomic_apply_leaves_the_previous_revisions_objects_live()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/more.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: more\ndata:\n  b: \"2\"\n");

        var failed = await _shop.Decl("apply", "shop", "--auto-approve", "--atomic", "--timeout", "2s", "--set", "tag=fail", "--set", "replicas=4");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("Apply failed:", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains("--atomic: rolling back to revision 1.", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rollback complete:", failed.Stdout, StringComparison.Ordinal);
        var deployment = await GetAsync("/apis/apps/v1/namespaces/shop-dev/deployments/web");
        Assert.Equal("nginx:1.27", (string)deployment!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!);
        Assert.Equal(2, (int)deployment["spec"]!["replicas"]!);
        Assert.Null(await GetAsync("/api/v1/namespaces/shop-dev/configmaps/more"));
        var history = (await _shop.Decl("history", "shop")).Stdout;
        Assert.Matches(@"(?m)^2\s+\S+ \S+\s+failed\s+apply", history);
        Assert.Matches(@"(?m)^3\s+\S+ \S+\s+deployed\s+rollback of 1", history);
    }

    [Fact]
    public async Task A_failed_first_atomic_apply_destroys_what_it_created()
    {
        var failed = await _shop.Decl("apply", "shop", "--auto-approve", "--atomic", "--timeout", "2s", "--set", "tag=fail");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("--atomic: no earlier revision was deployed; destroying what this run created.", failed.Stdout, StringComparison.Ordinal);
        Assert.Null(await GetAsync("/api/v1/namespaces/shop-dev/configmaps/extra"));
        Assert.Matches(@"(?m)^2\s+\S+ \S+\s+destroyed\s+destroy", (await _shop.Decl("history", "shop")).Stdout);
    }

    private async Task<JsonNode?> GetAsync(string path)
    {
        using var http = _shop.Host.CreateClient();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }
}
