using System.Net;
using System.Text.Json.Nodes;
using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>rollback and destroy end to end against the API double: from the store only, recorded as revisions.</summary>
public sealed class RollbackAndDestroyTests : IAsyncLifetime
{
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<CliResult> Decl(params string[] args) => _shop.Decl(args);

    [Fact]
    public async Task Rollback_returns_to_the_previous_revision_as_a_new_revision_even_when_the_manifests_no_longer_render()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        Assert.Equal(0, (await Decl("apply", "shop", "--set", "replicas=5", "--auto-approve")).ExitCode);
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/web.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{values.missing}}\n");

        var rollback = await Decl("rollback", "shop", "--auto-approve");

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Contains("~ spec.replicas: 5 -> 2", rollback.Stdout, StringComparison.Ordinal);
        var planText = rollback.Stdout[..(rollback.Stdout.IndexOf("Plan: ", StringComparison.Ordinal) + rollback.Stdout[rollback.Stdout.IndexOf("Plan: ", StringComparison.Ordinal)..].IndexOf('\n', StringComparison.Ordinal) + 1)];
        GoldenFile.Assert(planText, "Golden/rollback-plan.txt");
        Assert.Contains("Revision 3 deployed.", rollback.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, await ReplicasAsync());
        var history = JsonNode.Parse((await Decl("history", "shop", "-o", "json")).Stdout)!;
        var third = history.AsArray().Single(r => (int)r!["revision"]! == 3)!;
        Assert.Equal("rollback", (string)third["operation"]!);
        Assert.Equal(1, (int)third["rollbackOf"]!);
        Assert.Matches(@"3\s+\S+ \S+\s+deployed\s+rollback of 1", (await Decl("history", "shop")).Stdout);
    }

    [Fact]
    public async Task Rollback_to_a_failed_revision_is_refused_with_the_revisions_that_can_be_targeted()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        Assert.Equal(0, (await Decl("apply", "shop", "--set", "replicas=3", "--auto-approve")).ExitCode);

        var refused = await Decl("rollback", "shop", "--to", "7", "--auto-approve");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Revision 7 is not in the environment's history. Revisions that can be targeted: 1 (superseded", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_that_needs_a_secret_without_the_key_refuses_and_changes_nothing()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        Assert.Equal(0, (await Decl("apply", "shop", "--set", "replicas=4", "--auto-approve")).ExitCode);
        _shop.Environment.Remove("DECLARATIVE_STATE_KEY");
        _shop.Environment["HOME"] = _shop.Dir.PathOf("no-home");

        var refused = await Decl("rollback", "shop", "--auto-approve");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("DCL503", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("Secret/shop-dev/db", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopCluster.SecretValue, refused.All, StringComparison.Ordinal);
        Assert.Equal(4, await ReplicasAsync());
        Assert.DoesNotMatch(@"\n3\s", (await Decl("history", "shop")).Stdout);
    }

    [Fact]
    public async Task Destroy_deletes_everything_the_environment_owns_and_records_a_destroyed_revision()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);

        var destroy = await Decl("destroy", "shop", "--auto-approve");

        Assert.True(destroy.ExitCode == 0, destroy.All);
        Assert.Contains("- delete Deployment.apps/shop-dev/web", destroy.Stdout, StringComparison.Ordinal);
        Assert.Contains("- delete Namespace/shop-dev", destroy.Stdout, StringComparison.Ordinal);
        Assert.Contains("Revision 2 destroyed.", destroy.Stdout, StringComparison.Ordinal);
        using var http = _shop.Host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/apis/apps/v1/namespaces/shop-dev/deployments/web", UriKind.Relative))).StatusCode);
        Assert.Contains("Nothing to destroy", (await Decl("destroy", "shop", "--auto-approve")).Stdout, StringComparison.Ordinal);
        Assert.Matches(@"1\s+\S+ \S+\s+superseded\s+apply", (await Decl("history", "shop")).Stdout);
    }

    [Fact]
    public async Task A_delete_protected_object_stops_destroy_and_prune_before_anything_changes_unless_forced()
    {
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/keep.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n  annotations:\n    declarative.dev/delete-protection: enabled\ndata:\n  a: \"1\"\n");
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);

        var destroy = await Decl("destroy", "shop", "--auto-approve");
        File.Delete(_shop.Dir.PathOf("shop/manifests/keep.yaml"));
        var prune = await Decl("apply", "shop", "--auto-approve");

        Assert.Equal(1, destroy.ExitCode);
        Assert.Contains("DCL305", destroy.Stderr, StringComparison.Ordinal);
        Assert.Contains("ConfigMap/shop-dev/keep carries declarative.dev/delete-protection: enabled", destroy.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, prune.ExitCode);
        Assert.Contains("DCL305", prune.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, await ReplicasAsync());
        Assert.DoesNotMatch(@"(?m)^2\s", (await Decl("history", "shop")).Stdout);

        var forced = await Decl("destroy", "shop", "--auto-approve", "--force");

        Assert.True(forced.ExitCode == 0, forced.All);
        Assert.Contains("- delete ConfigMap/shop-dev/keep", forced.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_and_destroy_need_auto_approve_without_a_terminal()
    {
        var rollback = await Decl("rollback", "shop");
        var destroy = await Decl("destroy", "shop");

        Assert.Equal(1, rollback.ExitCode);
        Assert.Contains("Rollback needs --auto-approve without a terminal", rollback.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, destroy.ExitCode);
        Assert.Contains("Destroy needs --auto-approve without a terminal", destroy.Stderr, StringComparison.Ordinal);
    }

    private async Task<int> ReplicasAsync()
    {
        using var http = _shop.Host.CreateClient();
        var deployment = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis/apps/v1/namespaces/shop-dev/deployments/web", UriKind.Relative)))!;
        return (int)deployment["spec"]!["replicas"]!;
    }
}
