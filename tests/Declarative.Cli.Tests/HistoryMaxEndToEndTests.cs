namespace Declarative.Cli.Tests;

/// <summary><c>--timeout</c> in Go's syntax and <c>--history-max</c> on apply, end to end against the API double.</summary>
public sealed class HistoryMaxEndToEndTests : IAsyncLifetime
{
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string>
    {
        ["shop/values.yaml"] = "replicas: 2\ntag: \"1.27\"\n",
        ["shop/manifests/web.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{values.replicas}}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:{{values.tag}}\n",
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_timeout_in_Go_syntax_is_accepted()
    {
        var applied = await _shop.Decl("apply", "shop", "--auto-approve", "--timeout", "60s");

        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Contains("Revision 1 deployed.", applied.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_max_deletes_the_oldest_revisions_but_never_the_deployed_one()
    {
        var first = await _shop.Decl("apply", "shop", "--auto-approve", "--history-max", "2");
        Assert.True(first.ExitCode == 0, first.All);

        // Images tagged "fail" never get ready in the double: each of these runs times out and records a failed revision.
        foreach (var replicas in new[] { "3", "4", "5" })
        {
            var failing = await _shop.Decl("apply", "shop", "--auto-approve", "--history-max", "2", "--timeout", "1500ms", "--set", "tag=fail", "--set", $"replicas={replicas}");
            Assert.True(failing.ExitCode == 1, failing.All);
            Assert.Contains("was not ready by the deadline", failing.Stdout, StringComparison.Ordinal);
        }

        var history = await _shop.Decl("history", "shop");
        Assert.True(history.ExitCode == 0, history.All);
        Assert.Matches(@"(?m)^1\s+\S+ \S+\s+deployed\s+apply\s+tester", history.Stdout);
        Assert.Matches(@"(?m)^4\s+\S+ \S+\s+failed\s+apply\s+tester", history.Stdout);
        Assert.DoesNotMatch(@"(?m)^[23]\s", history.Stdout);
        Assert.Equal(
            ["revision-000001.json", "revision-000004.json"],
            Directory.EnumerateFiles(_shop.Dir.PathOf("state/dev"), "revision-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
