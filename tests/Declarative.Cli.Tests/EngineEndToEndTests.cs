using System.Text;
using Declarative.Core.State;

namespace Declarative.Cli.Tests;

/// <summary>plan, apply, history and state end to end: the real CLI, the real Kubernetes provider, the API double
/// over HTTPS with its simulated controllers.</summary>
public sealed class EngineEndToEndTests : IAsyncLifetime
{
    private const string SecretValue = ShopCluster.SecretValue;
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string>
    {
        ["shop/manifests/config.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  MODE: dev\n",
        ["shop/manifests/web.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{values.replicas}}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        envFrom:\n        - configMapRef: {name: settings}\n",
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<CliResult> Decl(params string[] args) => _shop.Decl(args);

    [Fact]
    public async Task Apply_then_plan_has_no_changes_and_a_values_change_plans_exactly_that_field()
    {
        var first = await Decl("apply", "shop", "--auto-approve");
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("Plan: 4 to create, 0 to update, 0 to replace, 0 to delete.", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Revision 1 deployed.", first.Stdout, StringComparison.Ordinal);

        var again = await Decl("plan", "shop", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("No changes.", again.Stdout, StringComparison.Ordinal);

        var changed = await Decl("plan", "shop", "--set", "replicas=5", "--detailed-exitcode");
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("spec.replicas", changed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.", changed.Stdout, StringComparison.Ordinal);

        var second = await Decl("apply", "shop", "--set", "replicas=5", "--auto-approve");
        Assert.True(second.ExitCode == 0, second.All);
        var history = await Decl("history", "shop");
        Assert.Matches(@"1\s+\S+ \S+\s+superseded\s+apply\s+tester", history.Stdout);
        Assert.Matches(@"2\s+\S+ \S+\s+deployed\s+apply\s+tester", history.Stdout);
    }

    [Fact]
    public async Task A_resource_removed_from_the_manifests_is_pruned()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        File.Delete(_shop.Dir.PathOf("shop/manifests/config.yaml"));
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/web.yaml"), File.ReadAllText(_shop.Dir.PathOf("shop/manifests/web.yaml")).Replace("        envFrom:\n        - configMapRef: {name: settings}\n", string.Empty, StringComparison.Ordinal));

        var pruned = await Decl("apply", "shop", "--auto-approve");

        Assert.True(pruned.ExitCode == 0, pruned.All);
        Assert.Contains("delete", pruned.Stdout, StringComparison.Ordinal);
        using var http = _shop.Host.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/api/v1/namespaces/shop-dev/configmaps/settings", UriKind.Relative))).StatusCode);
        var state = await Decl("state", "list", "shop");
        Assert.DoesNotContain("ConfigMap/shop-dev/settings", state.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_apply_fails_at_once_naming_the_holder()
    {
        var store = new LocalStateStore(Path.Combine(_shop.Dir.PathOf("state"), "dev"), "dev", null, TimeProvider.System);
        await using var held = await store.LockAsync(new LockRecord("alice", "ci-7", 4312, DateTimeOffset.UtcNow, "decl apply"), CancellationToken.None);

        var second = await Decl("apply", "shop", "--auto-approve");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("DCL501", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("alice", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_data_is_in_no_output_and_not_in_clear_in_the_state_files()
    {
        var outputs = new StringBuilder();
        outputs.Append((await Decl("plan", "shop")).All);
        outputs.Append((await Decl("apply", "shop", "--auto-approve")).All);
        outputs.Append((await Decl("plan", "shop", "-o", "json")).All);
        outputs.Append((await Decl("plan", "shop", "-o", "markdown")).All);
        outputs.Append((await Decl("history", "shop", "-o", "json")).All);
        outputs.Append((await Decl("state", "show", "shop")).All);

        Assert.DoesNotContain(SecretValue, outputs.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(SecretValue)), outputs.ToString(), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_shop.Dir.PathOf("state"), "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(SecretValue, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(SecretValue)), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Apply_without_a_terminal_needs_auto_approve_and_a_no_at_the_prompt_cancels()
    {
        var refused = await Decl("apply", "shop");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--auto-approve", refused.Stderr, StringComparison.Ordinal);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new IOContext(output, error, _shop.Dir.Root, _shop.Environment, IsTerminal: true) { In = new StringReader("no\n") };
        var code = await new DeclarativeCli(io).RunAsync(["apply", "shop", "--kubeconfig", "kubeconfig"], CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("Apply cancelled.", output.ToString(), StringComparison.Ordinal);
    }
}
