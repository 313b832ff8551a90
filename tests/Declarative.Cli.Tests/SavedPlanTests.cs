using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Cli.Tests;

/// <summary>`decl plan --out FILE` and `decl apply FILE` end to end, against the API double over HTTPS.</summary>
public sealed class SavedPlanTests : IAsyncLifetime
{
    private const string SecretValue = ShopCluster.SecretValue;
    private const string Web = "/apis/apps/v1/namespaces/shop-dev/deployments/web";
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_saved_plan_applies_without_asking_and_records_a_revision()
    {
        var plan = await Decl("plan", "shop", "--out", "shop.plan");
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("decl apply shop.plan", plan.Stdout, StringComparison.Ordinal);

        var applied = await Decl("apply", "shop.plan");

        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Contains("Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("Revision 1 deployed.", applied.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, await ReplicasAsync());
        var secret = await GetAsync("/api/v1/namespaces/shop-dev/secrets/db");
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(SecretValue)), secret["data"]!["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_saved_plan_applies_the_values_it_was_made_with()
    {
        await ApplyAsync();
        Assert.Equal(0, (await Decl("plan", "shop", "--set", "replicas=3", "--out", "shop.plan")).ExitCode);

        var applied = await Decl("apply", "shop.plan");

        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Contains("Revision 2 deployed.", applied.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, await ReplicasAsync());
    }

    [Fact]
    public async Task A_hand_edit_after_the_plan_makes_apply_refuse_naming_the_resource_and_the_field()
    {
        await ApplyAsync();
        Assert.Equal(0, (await Decl("plan", "shop", "--set", "replicas=3", "--out", "shop.plan")).ExitCode);
        await PatchAsync(Web, """{"spec":{"replicas":7}}""");

        var refused = await Decl("apply", "shop.plan");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("DCL304 Saved plan is stale", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("Deployment.apps/shop-dev/web changed since the plan was made: spec.replicas.", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret/shop-dev/db", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(7, await ReplicasAsync());
        Assert.DoesNotMatch(@"(?m)^\s*2\s", (await Decl("history", "shop")).Stdout);
    }

    [Fact]
    public async Task A_status_write_after_the_plan_does_not_make_it_stale()
    {
        await ApplyAsync();
        Assert.Equal(0, (await Decl("plan", "shop", "--set", "replicas=3", "--out", "shop.plan")).ExitCode);
        await PatchAsync($"{Web}/status", """{"status":{"collisionCount":4}}""");
        Assert.Equal(4, (await GetAsync(Web))["status"]!["collisionCount"]!.GetValue<int>());

        var applied = await Decl("apply", "shop.plan");

        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Equal(3, await ReplicasAsync());
    }

    [Fact]
    public async Task Another_apply_after_the_plan_makes_it_stale()
    {
        await ApplyAsync();
        Assert.Equal(0, (await Decl("plan", "shop", "--set", "replicas=3", "--out", "shop.plan")).ExitCode);
        Assert.Equal(0, (await Decl("apply", "shop", "--set", "replicas=4", "--auto-approve")).ExitCode);

        var refused = await Decl("apply", "shop.plan");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("It was made from revision 1, and environment \"dev\" is now at revision 2.", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run decl plan again", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, await ReplicasAsync());
    }

    [Fact]
    public async Task The_plan_file_is_owner_only_and_holds_no_secret_in_clear()
    {
        Assert.Equal(0, (await Decl("plan", "shop", "--out", "shop.plan")).ExitCode);

        var text = await File.ReadAllTextAsync(_shop.Dir.PathOf("shop.plan"));
        Assert.Contains("\"formatVersion\": 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(SecretValue)), text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_shop.Dir.PathOf("shop.plan")));
        }
    }

    [Fact]
    public async Task A_saved_plan_does_not_open_with_another_key()
    {
        Assert.Equal(0, (await Decl("plan", "shop", "--out", "shop.plan")).ExitCode);
        _shop.Environment["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(new byte[32]);

        var refused = await Decl("apply", "shop.plan");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("DCL503 Saved plan was sealed with another state key", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Client().GetAsync(new Uri(Web, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_saved_plan_is_refused_for_another_environment()
    {
        Assert.Equal(0, (await Decl("plan", "shop", "--out", "shop.plan")).ExitCode);

        var refused = await Decl("apply", "shop.plan", "--env", "prod");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("made for environment \"dev\", not \"prod\"", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_out_to_a_missing_folder_fails_with_a_clear_error()
    {
        var failed = await Decl("plan", "shop", "--out", "missing/shop.plan");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("DCL303 Cannot write the saved plan", failed.Stderr, StringComparison.Ordinal);
    }

    private Task<CliResult> Decl(params string[] args) => _shop.Decl(args);

    private async Task ApplyAsync()
    {
        var applied = await Decl("apply", "shop", "--auto-approve");
        Assert.True(applied.ExitCode == 0, applied.All);
    }

    private HttpClient Client() => _shop.Host.CreateClient();

    private async Task<JsonNode> GetAsync(string path)
    {
        using var http = Client();
        return JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)))!;
    }

    private async Task<int> ReplicasAsync() => (await GetAsync(Web))["spec"]!["replicas"]!.GetValue<int>();

    /// <summary>What `kubectl patch --type merge` sends.</summary>
    private async Task PatchAsync(string path, string patch)
    {
        using var http = Client();
        using var content = new StringContent(patch, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        using var response = await http.PatchAsync(new Uri($"{path}?fieldManager=kubectl-patch", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
