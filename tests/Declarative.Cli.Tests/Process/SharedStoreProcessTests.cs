using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Testing;
using Npgsql;

namespace Declarative.Cli.Tests.Processes;

/// <summary>
/// <see cref="SharedStoreScenario"/> with the history in the cluster (`state: {backend: kubernetes, leaseDuration:
/// 8s}`): the killed run's Lease is not deleted by anyone; it expires by itself 8 s after its last renewal and the next
/// run takes it over.
/// </summary>
public sealed class KubernetesSharedStoreProcessTests
{
    private const string LeasePath = "/apis/coordination.k8s.io/v1/namespaces/declarative-system/leases/decl.sig.dev";

    [Fact]
    public async Task Two_applies_on_different_state_folders_share_the_lease_and_a_killed_holders_lease_expires_for_the_next_run()
    {
        await using var cluster = await SignalCluster.ManyConfigMapsAsync(SharedStoreScenario.ConfigMaps, "{ backend: kubernetes, leaseDuration: 8s }");
        var expires = DateTimeOffset.MinValue;
        await SharedStoreScenario.RunAsync(
            cluster,
            async holder =>
            {
                var spec = (await LeaseAsync(cluster))["spec"]!;
                Assert.Equal(8, spec["leaseDurationSeconds"]!.GetValue<int>());
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"\"pid\":{holder.Id}"), spec["holderIdentity"]!.GetValue<string>(), StringComparison.Ordinal);
            },
            async () =>
            {
                // Nobody renews it now: it stands until renewTime + 8 s, then the next run may take it.
                var spec = (await LeaseAsync(cluster))["spec"]!;
                Assert.False(string.IsNullOrEmpty(spec["holderIdentity"]?.GetValue<string>()), "the killed run's Lease was cleared");
                expires = DateTimeOffset.Parse(spec["renewTime"]!.GetValue<string>(), CultureInfo.InvariantCulture).AddSeconds(spec["leaseDurationSeconds"]!.GetValue<int>());
                var wait = expires - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            });

        Assert.Equal(1, (await LeaseAsync(cluster))["spec"]!["leaseTransitions"]!.GetValue<int>());
    }

    private static async Task<JsonObject> LeaseAsync(SignalCluster cluster)
    {
        using var client = cluster.Host.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync(new Uri(LeasePath, UriKind.Relative)))!.AsObject();
    }
}

/// <summary>
/// <see cref="SharedStoreScenario"/> with the history in PostgreSQL (a real server): the killed run's session ends with
/// its process, which frees its advisory lock; the next run takes it at once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSharedStoreProcessTests(PostgresServer server)
{
    [Fact]
    public async Task Two_applies_on_different_state_folders_share_the_lock_and_a_killed_holders_lock_goes_with_its_session()
    {
        await using var cluster = await SignalCluster.ManyConfigMapsAsync(SharedStoreScenario.ConfigMaps, "{ backend: postgres, connection: \"env:DECLARATIVE_PG\" }");
        var connection = await server.DatabaseAsync(nameof(PostgresSharedStoreProcessTests));
        cluster.Environment["DECLARATIVE_PG"] = connection;
        await SharedStoreScenario.RunAsync(
            cluster,
            async holder => Assert.Equal(holder.Id, await HolderPidAsync(connection)),
            async () =>
            {
                // The server notices the closed socket and ends the session: its advisory lock goes with it.
                var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
                while (await LockSessionsAsync(connection) > 0)
                {
                    Assert.True(DateTimeOffset.UtcNow < deadline, "the killed run's session still holds its advisory lock after 30 s");
                    await Task.Delay(100);
                }
            });
    }

    private static async Task<int?> HolderPidAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT holder_pid FROM declarative_locks WHERE project = 'sig' AND environment = 'dev'", connection);
        return (int?)await command.ExecuteScalarAsync();
    }

    private static async Task<long> LockSessionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
