using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Core.State;
using Declarative.Testing;

namespace Declarative.Cli.Tests.StateMigration;

/// <summary>
/// <c>decl state migrate</c> from the local store to the Kubernetes store (the API double): what it prints (golden),
/// and what it refuses without copying anything: a target that holds another history, a pending revision in the
/// source, a held lock, the store the environment already uses, and target options that describe no store.
/// </summary>
public sealed partial class StateMigrateTests : IAsyncLifetime
{
    private ShopCluster shop = null!;

    public async Task InitializeAsync() => shop = await ShopCluster.StartAsync();

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task The_output_names_both_stores_each_revision_the_edit_that_switches_and_where_the_old_copy_stays()
    {
        await ApplyAsync("2");
        await ApplyAsync("3");

        var migrated = await MigrationSteps.MigrateWithoutKeyAsync(shop, "--to", "kubernetes");

        Assert.True(migrated.ExitCode == 0, migrated.All);
        Assert.Equal(string.Empty, migrated.Stderr);
        GoldenFile.Assert(Normalized(migrated.Stdout), "Golden/state-migrate.txt");
        Assert.Equal(2, (await SecretsAsync("declarative.dev/state=revision")).Count);
        Assert.Equal(2, Directory.GetFiles(shop.Dir.PathOf("state/dev"), "revision-*.json").Length);
    }

    [Fact]
    public async Task A_target_that_holds_another_history_is_refused_and_nothing_is_copied()
    {
        File.WriteAllText(shop.Dir.PathOf(MigrationSteps.ProjectFile), File.ReadAllText(shop.Dir.PathOf(MigrationSteps.ProjectFile)).Replace("spec:\n", "spec:\n  state: { backend: kubernetes }\n", StringComparison.Ordinal));
        await ApplyAsync("2");
        File.WriteAllText(shop.Dir.PathOf(MigrationSteps.ProjectFile), File.ReadAllText(shop.Dir.PathOf(MigrationSteps.ProjectFile)).Replace("  state: { backend: kubernetes }\n", string.Empty, StringComparison.Ordinal));
        await ApplyAsync("3");
        var before = await SecretsAsync(null);

        var migrated = await MigrationSteps.MigrateWithoutKeyAsync(shop, "--to", "kubernetes");

        Assert.Equal(1, migrated.ExitCode);
        Assert.Equal(string.Empty, migrated.Stdout);
        Assert.StartsWith("error: DCL506 The target store already holds another history\n    The kubernetes store (namespace \"declarative-system\" of cluster double (", migrated.Stderr, StringComparison.Ordinal);
        Assert.Contains("already holds revisions of environment \"dev\" (1), and they are not the source's: its revision 1 (deployed, sha256 ", migrated.Stderr, StringComparison.Ordinal);
        Assert.Contains("    Nothing was copied. Migrate to another namespace, database or folder", migrated.Stderr, StringComparison.Ordinal);
        Assert.Equal(before.Select(Name), (await SecretsAsync(null)).Select(Name));
    }

    [Fact]
    public async Task A_pending_revision_in_the_source_is_refused_naming_its_run()
    {
        await ApplyAsync("2");
        var store = new LocalStateStore(shop.Dir.PathOf("state/dev"), "dev", StateKey.FromBytes(Convert.FromBase64String(shop.Environment[StateKey.EnvironmentVariable])), TimeProvider.System);
        var latest = (await store.GetLatestAsync(CancellationToken.None))!;
        await store.SaveAsync(latest with { Number = 2, Status = RevisionStatus.Pending, FinishedAt = null }, CancellationToken.None);

        var migrated = await MigrationSteps.MigrateWithoutKeyAsync(shop, "--to", "kubernetes");

        Assert.True(migrated.ExitCode == 1, migrated.All);
        Assert.StartsWith("error: DCL506 The history has a pending revision\n    Revision 2 (decl apply --env dev", migrated.Stderr, StringComparison.Ordinal);
        Assert.Contains("of environment \"dev\" in the local store (folder state/dev) is pending: its run stopped before finishing", migrated.Stderr, StringComparison.Ordinal);
        Assert.Contains("    Nothing was copied. Run decl apply --env dev once", migrated.Stderr, StringComparison.Ordinal);
        Assert.Empty(await SecretsAsync(null));
    }

    [Fact]
    public async Task A_held_lease_on_the_target_fails_at_once_naming_its_holder()
    {
        await ApplyAsync("2");
        await HoldLeaseAsync(new LockRecord("bob", "ci-9", 4242, DateTimeOffset.UtcNow, "decl apply --env dev"));

        var migrated = await MigrationSteps.MigrateWithoutKeyAsync(shop, "--to", "kubernetes").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, migrated.ExitCode);
        Assert.StartsWith("error: DCL501 State is locked\n    Environment \"dev\" is locked by decl apply --env dev (user bob, pid 4242 on ci-9, since ", migrated.Stderr, StringComparison.Ordinal);
        Assert.Contains("That lock is on the target store, the kubernetes store (namespace \"declarative-system\" of cluster double (", migrated.Stderr, StringComparison.Ordinal);
        Assert.Empty(await SecretsAsync(null));
        Assert.False(File.Exists(shop.Dir.PathOf("state/dev/lock.json")), "the source's lock was not released");
    }

    [Theory]
    [InlineData("local", "", "error: DCL506 The target is the store the environment already uses\n    Environment \"dev\" keeps its history in the local store (folder state/dev) already.\n")]
    [InlineData("local", "--namespace=ops", "error: DCL504 --namespace is for a kubernetes target\n")]
    [InlineData("kubernetes", "--namespace=Ops_State", "error: DCL504 Invalid state namespace\n")]
    [InlineData("kubernetes", "--connection=env:PG", "error: DCL504 --connection is for a postgres target\n")]
    [InlineData("postgres", "", "error: DCL504 The postgres store needs a connection\n")]
    [InlineData("postgres", "--connection=Host=db;Password=pw-123", "error: DCL504 --connection takes env:VARIABLE or file:PATH\n")]
    public async Task Target_options_that_name_no_other_store_are_refused_before_anything_is_opened(string to, string option, string error)
    {
        await ApplyAsync("2");

        var migrated = await MigrationSteps.MigrateWithoutKeyAsync(shop, option.Length == 0 ? ["--to", to] : ["--to", to, option]);

        Assert.Equal(1, migrated.ExitCode);
        Assert.StartsWith(error, migrated.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-123", migrated.All, StringComparison.Ordinal);
        Assert.Empty(await SecretsAsync(null));
    }

    private async Task ApplyAsync(string replicas)
    {
        var applied = await shop.Decl("apply", "shop", "--auto-approve", "--set", $"replicas={replicas}");
        Assert.True(applied.ExitCode == 0, applied.All);
    }

    /// <summary>The server's port and the checksums (the revisions' times differ from run to run) made stable.</summary>
    private static string Normalized(string text) =>
        Checksum().Replace(Server().Replace(text, "https://127.0.0.1:PORT/"), "<sha256>");

    private async Task HoldLeaseAsync(LockRecord holder)
    {
        using var client = shop.Host.CreateClient();
        await PostAsync(client, "/api/v1/namespaces", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "declarative-system" } });
        await PostAsync(client, "/apis/coordination.k8s.io/v1/namespaces/declarative-system/leases", new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject { ["name"] = "decl.shop.dev", ["namespace"] = "declarative-system" },
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = new JsonObject { ["user"] = holder.User, ["host"] = holder.Host, ["pid"] = holder.ProcessId, ["command"] = holder.Command, ["started"] = holder.Started.ToString("O") }.ToJsonString(),
                ["leaseDurationSeconds"] = 60,
                ["renewTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            },
        });
    }

    private static async Task PostAsync(HttpClient client, string path, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<IReadOnlyList<JsonObject>> SecretsAsync(string? selector)
    {
        using var client = shop.Host.CreateClient();
        var labels = Uri.EscapeDataString(selector is null ? "declarative.dev/project=shop" : $"declarative.dev/project=shop,{selector}");
        using var response = await client.GetAsync(new Uri($"/api/v1/namespaces/declarative-system/secrets?labelSelector={labels}", UriKind.Relative));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }

        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. list["items"]!.AsArray().Select(i => i!.AsObject()).OrderBy(Name, StringComparer.Ordinal)];
    }

    private static string Name(JsonObject item) => item["metadata"]!["name"]!.GetValue<string>();

    [GeneratedRegex("https://127\\.0\\.0\\.1:[0-9]+/")]
    private static partial Regex Server();

    [GeneratedRegex("\\b[0-9a-f]{16}\\b")]
    private static partial Regex Checksum();
}
