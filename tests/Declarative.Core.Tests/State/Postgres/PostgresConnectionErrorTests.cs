using System.Net;
using System.Net.Sockets;
using Declarative.Core.State;
using Declarative.Core.State.Postgres;
using Declarative.Testing;
using Npgsql;

namespace Declarative.Core.Tests.State.Postgres;

/// <summary>A server that cannot be reached or used is an error naming the server and what to check, never the
/// password.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectionErrorTests(PostgresServer server) : IAsyncLifetime
{
    private const string WrongPassword = "wrong-Pa55word-xyzzy";

    private PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = new PostgresTestDatabase(await server.DatabaseAsync(nameof(PostgresConnectionErrorTests)));

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_server_that_does_not_answer_is_named_with_what_to_check()
    {
        var closedPort = ClosedPort();
        var settings = database.Settings;
        settings.Port = closedPort;

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => OpenAsync(settings.ConnectionString));

        Assert.Equal("Cannot reach the PostgreSQL state store", error.Summary);
        Assert.Equal($"PostgreSQL server 127.0.0.1:{closedPort}, database \"{settings.Database}\", user \"{settings.Username}\"", error.Store);
        Assert.StartsWith($"PostgreSQL server 127.0.0.1:{closedPort}, database", error.Details[0], StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Details[0], StringComparison.Ordinal);
        Assert.StartsWith("Check that the server runs", error.Details[^1], StringComparison.Ordinal);
        AssertNoPassword(error, server.Password);
    }

    [Fact]
    public async Task Credentials_the_server_refuses_are_reported_without_the_password()
    {
        var settings = database.Settings;
        settings.Password = WrongPassword;

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => OpenAsync(settings.ConnectionString));

        Assert.Equal("PostgreSQL refused the state store's credentials", error.Summary);
        Assert.Contains($"password authentication failed for user \"{settings.Username}\"", error.Details[0], StringComparison.Ordinal);
        Assert.StartsWith("Check the user name and the password", error.Details[^1], StringComparison.Ordinal);
        AssertNoPassword(error, WrongPassword);
        AssertNoPassword(error, server.Password);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_named_with_how_to_create_it()
    {
        var settings = database.Settings;
        settings.Database = "no_such_database";

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => OpenAsync(settings.ConnectionString));

        Assert.Equal("The state store's database does not exist", error.Summary);
        Assert.Contains("database \"no_such_database\" does not exist", error.Details[0], StringComparison.Ordinal);
        Assert.Equal("Create it (CREATE DATABASE no_such_database;) or name an existing one with Database= in the connection string.", error.Details[^1]);
        AssertNoPassword(error, server.Password);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_refused_without_repeating_it()
    {
        var text = $"Host=127.0.0.1;Password={WrongPassword};Colour=blue";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => OpenAsync(text));

        Assert.Contains("The PostgreSQL connection string is not valid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_describes_its_server_without_the_password()
    {
        var store = await database.OpenAsync("shop");

        Assert.Equal($"PostgreSQL server 127.0.0.1:{server.Port}, database \"{database.Settings.Database}\", user \"{database.Settings.Username}\"", store.Server);
    }

    private static Task<PostgresStateStore> OpenAsync(string connectionString) =>
        PostgresStateStore.OpenAsync(connectionString, "shop", "dev", null, TimeProvider.System, CancellationToken.None);

    private static void AssertNoPassword(Exception error, string password)
    {
        Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
        if (error is StateStoreUnavailableException unavailable)
        {
            Assert.All(unavailable.Details, d => Assert.DoesNotContain(password, d, StringComparison.Ordinal));
            Assert.DoesNotContain(password, unavailable.Store, StringComparison.Ordinal);
        }
    }

    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
