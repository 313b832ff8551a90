using Declarative.Core.State;
using Declarative.Testing;
using Declarative.Testing.StateContract;
using Npgsql;

namespace Declarative.Cli.Tests.StateMigration;

/// <summary>
/// <c>decl state migrate</c> end to end (issue 13: "migrate local -> kubernetes -> postgres keeps every revision"):
/// the shop project's history moved from the local store to the Kubernetes store (the API double), then to PostgreSQL
/// (a real server), then back to a fresh local folder, each time switched by the declarative.yaml edit the command
/// prints, run without the state key; every revision keeps its number, status and inventory, and every old copy stays.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StateMigrateChainTests(PostgresServer server)
{
    [Fact]
    public async Task Local_to_kubernetes_to_postgres_to_local_keeps_every_revision_and_leaves_every_old_copy()
    {
        await using var shop = await ShopCluster.StartAsync();
        foreach (var replicas in new[] { "2", "3", "4" })
        {
            var applied = await shop.Decl("apply", "shop", "--auto-approve", "--set", $"replicas={replicas}");
            Assert.True(applied.ExitCode == 0, applied.All);
        }

        var original = await MigrationSteps.LocalRevisionsAsync(shop, shop.Dir.PathOf("state"));
        var history = await shop.Decl("history", "shop");
        Assert.Equal(3, original.Length);

        var toKubernetes = await MigrationSteps.MigrateWithoutKeyAsync(shop, "--to", "kubernetes");
        Assert.True(toKubernetes.ExitCode == 0, toKubernetes.All);
        Assert.Contains("Copied the history of environment \"dev\" (project \"shop\") from the local store to the kubernetes store.", toKubernetes.Stdout, StringComparison.Ordinal);
        MigrationSteps.Switch(shop, toKubernetes);
        Assert.Equal(history.Stdout, (await shop.Decl("history", "shop")).Stdout);

        shop.Environment["DECLARATIVE_PG"] = await server.DatabaseAsync(nameof(StateMigrateChainTests));
        var toPostgres = await MigrationSteps.MigrateWithoutKeyAsync(shop, "--to", "postgres", "--connection", "env:DECLARATIVE_PG");
        Assert.True(toPostgres.ExitCode == 0, toPostgres.All);
        Assert.Contains("from the kubernetes store to the postgres store.", toPostgres.Stdout, StringComparison.Ordinal);
        Assert.Contains("    state: { backend: postgres, connection: \"env:DECLARATIVE_PG\" }\n", toPostgres.Stdout, StringComparison.Ordinal);
        Assert.Contains("The old copy stays where it was, untouched: namespace \"declarative-system\" of cluster double (", toPostgres.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, toPostgres.All, StringComparison.Ordinal);
        MigrationSteps.Switch(shop, toPostgres);
        Assert.Equal(history.Stdout, (await shop.Decl("history", "shop")).Stdout);

        shop.Environment[LocalStateStore.DirectoryVariable] = shop.Dir.PathOf("state-back");
        var toLocal = await MigrationSteps.MigrateWithoutKeyAsync(shop, "--to", "local");
        var again = await MigrationSteps.MigrateWithoutKeyAsync(shop, "--to", "local");
        Assert.True(toLocal.ExitCode == 0, toLocal.All);
        Assert.Contains("The old copy stays where it was, untouched: PostgreSQL 127.0.0.1:", toLocal.Stdout, StringComparison.Ordinal);
        Assert.Contains("table declarative_revisions (rows WHERE project = 'shop' AND environment = 'dev')", toLocal.Stdout, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.StartsWith("Nothing to copy: the local store already holds the history of environment \"dev\" (project \"shop\"), identical.\n", again.Stdout, StringComparison.Ordinal);
        MigrationSteps.Switch(shop, toLocal);

        var back = await MigrationSteps.LocalRevisionsAsync(shop, shop.Dir.PathOf("state-back"));
        Assert.Equal(original.Select(r => (r.Number, r.Status)), back.Select(r => (r.Number, r.Status)));
        foreach (var (want, got) in original.Zip(back))
        {
            StateStoreSamples.AssertSameRevision(want, got);
        }

        Assert.Contains(back[^1].Inventory, e => e.Applied.Object.ToJsonString().Contains(ShopCluster.SecretValue, StringComparison.Ordinal));
        Assert.Equal(history.Stdout, (await shop.Decl("history", "shop")).Stdout);
        var plan = await shop.Decl("plan", "shop", "--set", "replicas=4");
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("No changes.", plan.Stdout, StringComparison.Ordinal);

        // Nothing was deleted anywhere: each store still holds the whole history.
        Assert.Equal(3, (await MigrationSteps.LocalRevisionsAsync(shop, shop.Dir.PathOf("state"))).Length);
        Assert.Equal(3, await RevisionHeadsInClusterAsync(shop));
        Assert.Equal(3, await RevisionRowsAsync(shop.Environment["DECLARATIVE_PG"]));
    }

    private static async Task<int> RevisionHeadsInClusterAsync(ShopCluster shop)
    {
        using var client = shop.Host.CreateClient();
        var selector = Uri.EscapeDataString("declarative.dev/state=revision,declarative.dev/project=shop,declarative.dev/environment=dev");
        var list = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/api/v1/namespaces/declarative-system/secrets?labelSelector={selector}"))!;
        return list["items"]!.AsArray().Count;
    }

    private static async Task<long> RevisionRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM declarative_revisions WHERE project = 'shop' AND environment = 'dev'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
