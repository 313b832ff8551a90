using Declarative.Core.State;
using Declarative.Core.State.Postgres;
using Npgsql;

namespace Declarative.Core.Tests.State.Postgres;

/// <summary>A database of the test server: stores opened on it (disposed with it) and SQL run as its superuser.</summary>
internal sealed class PostgresTestDatabase(string connectionString) : IAsyncDisposable
{
    private readonly List<PostgresStateStore> opened = [];

    public string ConnectionString => connectionString;

    public NpgsqlConnectionStringBuilder Settings => new(connectionString);

    public async Task<PostgresStateStore> OpenAsync(string project, string environment = "dev", StateKey? key = null, string? asConnectionString = null)
    {
        var store = await PostgresStateStore.OpenAsync(asConnectionString ?? connectionString, project, environment, key, TimeProvider.System, CancellationToken.None);
        opened.Add(store);
        return store;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }
    }
}
