using System.Text.Json.Nodes;

namespace Declarative.Cli.Tests.Kubernetes;

/// <summary>A replace against the API double with its controllers on: a replacement the server would refuse never
/// costs the running object.</summary>
public sealed class ReplaceEndToEndTests : IAsyncLifetime
{
    private const string DeploymentPath = "/apis/apps/v1/namespaces/shop-dev/deployments/web";
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_changed_selector_without_matching_labels_fails_the_revision_and_leaves_the_deployment_running()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        var before = await GetDeploymentAsync();
        EditWeb("    matchLabels: {app: web}\n", "    matchLabels: {app: web2}\n");

        var plan = await _shop.Decl("plan", "shop");
        var apply = await _shop.Decl("apply", "shop", "--auto-approve");

        Assert.Contains("replace", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("spec.selector", plan.Stdout, StringComparison.Ordinal);
        Assert.True(apply.ExitCode == 1, apply.All);
        var failure = apply.Stdout.Split('\n').Single(l => l.Contains("FAILED:", StringComparison.Ordinal));
        Assert.Equal(1, Occurrences(failure, "`selector` does not match template `labels`"));
        Assert.Contains("was not replaced", failure, StringComparison.Ordinal);
        Assert.Contains("Revision 2 failed.", apply.Stdout, StringComparison.Ordinal);
        var after = await GetDeploymentAsync();
        Assert.Equal(before["metadata"]!["uid"]!.GetValue<string>(), after["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal(2, after["status"]!["availableReplicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_changed_selector_with_matching_labels_replaces_the_deployment()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        var before = await GetDeploymentAsync();
        EditWeb("    matchLabels: {app: web}\n", "    matchLabels: {app: web2}\n");
        EditWeb("      labels: {app: web}\n", "      labels: {app: web2}\n");

        var apply = await _shop.Decl("apply", "shop", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.All);
        var after = await GetDeploymentAsync();
        Assert.NotEqual(before["metadata"]!["uid"]!.GetValue<string>(), after["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal("web2", after["spec"]!["selector"]!["matchLabels"]!["app"]!.GetValue<string>());
    }

    private void EditWeb(string from, string to)
    {
        var path = _shop.Dir.PathOf("shop/manifests/web.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private async Task<JsonObject> GetDeploymentAsync()
    {
        using var http = _shop.Host.CreateClient();
        return (JsonObject)JsonNode.Parse(await http.GetStringAsync(new Uri(DeploymentPath, UriKind.Relative)))!;
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
