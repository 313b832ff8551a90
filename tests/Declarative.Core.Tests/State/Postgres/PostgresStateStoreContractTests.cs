using System.Text;
using Declarative.Core.State;
using Declarative.Core.State.Postgres;
using Declarative.Testing;
using Declarative.Testing.StateContract;
using Npgsql;

namespace Declarative.Core.Tests.State.Postgres;

/// <summary>The shared store contract for the PostgreSQL store, against a real server: one database for the class,
/// a project per test; another process is another store object (its own pool and lock session); a holder dies by
/// having its session terminated on the server (pg_terminate_backend), as when its process is killed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStateStoreContractTests(PostgresServer server) : StateStoreContract
{
    private string connectionString = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        connectionString = await server.DatabaseAsync(nameof(PostgresStateStoreContractTests));
    }

    protected override async Task<IStateStore> OpenStoreAsync(StoreName name, StateKey? key) =>
        await PostgresStateStore.OpenAsync(connectionString, name.Project, name.Environment, key, TimeProvider.System, CancellationToken.None);

    protected override async Task KillHolderAsync(StoreName name, IStateLock held)
    {
        // Waits up to 5 s for the session to end, which frees its advisory lock; the row stays.
        var killed = await ScalarAsync<long>("SELECT count(*) FROM declarative_locks WHERE project = $1 AND environment = $2 AND pg_terminate_backend(backend_pid, 5000)", name.Project, name.Environment);
        Assert.Equal(1, killed);
    }

    protected override async Task<string> ReadAtRestAsync(StoreName name)
    {
        var text = new StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT payload FROM declarative_revisions WHERE project = $1 AND environment = $2",
            "SELECT record FROM declarative_journal WHERE project = $1 AND environment = $2",
        })
        {
            await using var connection = await OpenAdminAsync();
            await using var command = Command(connection, sql, name.Project, name.Environment);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(0)));
            }
        }

        return text.ToString();
    }

    protected override async Task EditStoredRevisionAsync(StoreName name, int number, Func<byte[], byte[]> edit)
    {
        var payload = await ScalarAsync<byte[]>("SELECT payload FROM declarative_revisions WHERE project = $1 AND environment = $2 AND revision = $3", name.Project, name.Environment, number);
        await ScalarAsync<int>("UPDATE declarative_revisions SET payload = $4 WHERE project = $1 AND environment = $2 AND revision = $3 RETURNING 1", name.Project, name.Environment, number, edit(payload));
    }

    protected override async Task EditStoredJournalRecordAsync(StoreName name, int number, int index, Func<byte[], byte[]> edit)
    {
        var seq = await ScalarAsync<long>("SELECT seq FROM declarative_journal WHERE project = $1 AND environment = $2 AND revision = $3 ORDER BY seq OFFSET $4 LIMIT 1", name.Project, name.Environment, number, (long)index);
        var record = await ScalarAsync<byte[]>("SELECT record FROM declarative_journal WHERE seq = $1", seq);
        await ScalarAsync<int>("UPDATE declarative_journal SET record = $2 WHERE seq = $1 RETURNING 1", seq, edit(record));
    }

    protected override string RevisionNameOf(StoreName name, int number) =>
        $"declarative_revisions row (project \"{name.Project}\", environment \"{name.Environment}\", revision {number})";

    protected override string JournalNameOf(StoreName name, int number) =>
        $"declarative_journal row (project \"{name.Project}\", environment \"{name.Environment}\", revision {number}, seq ";

    [Fact]
    public async Task A_payload_whose_number_is_not_its_rows_is_reported_with_the_sql_that_drops_it()
    {
        var store = await OpenAsync();
        await store.SaveAsync(StateStoreSamples.Revision(1, RevisionStatus.Deployed), CancellationToken.None);
        await EditStoredRevisionAsync(Name, 1, bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"revision\": 1,", "\"revision\": 5,", StringComparison.Ordinal)));

        var error = await Assert.ThrowsAsync<StateFileException>(() => store.ListAsync(CancellationToken.None));

        Assert.Equal("State file is unreadable", error.Summary);
        Assert.EndsWith($"{RevisionNameOf(Name, 1)} is not a valid revision. It holds revision 5, not revision 1 as its row says.", error.Details[0], StringComparison.Ordinal);
        Assert.Equal(
            $"Restore the row from a backup, or delete it to drop that revision from the history: DELETE FROM declarative_revisions WHERE project = '{Name.Project}' AND environment = 'dev' AND revision = 1; (its journal rows go with it).",
            error.Details[^1]);
    }

    private async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenAdminAsync();
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
