using Declarative.Core.State;
using Declarative.Testing;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State.Postgres;

/// <summary>The PostgreSQL store's schema: created by versioned migrations on first use, once even when first runs
/// race, refused when a newer Declarative migrated it; and the privileges docs/state.md lists are enough.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    [Fact]
    public async Task The_first_run_creates_the_schema_and_later_runs_apply_nothing()
    {
        await using var database = await FreshDatabaseAsync();
        await database.OpenAsync("shop");
        var appliedAt = await database.ScalarAsync<DateTime>("SELECT applied_at FROM declarative_schema_migrations WHERE version = 1");

        await database.OpenAsync("shop", "prod");

        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM declarative_schema_migrations"));
        Assert.Equal(appliedAt, await database.ScalarAsync<DateTime>("SELECT applied_at FROM declarative_schema_migrations WHERE version = 1"));
        Assert.Equal(
            "declarative_journal declarative_locks declarative_revisions declarative_schema_migrations",
            await database.ScalarAsync<string>("SELECT string_agg(tablename, ' ' ORDER BY tablename) FROM pg_tables WHERE tablename LIKE 'declarative%'"));
    }

    [Fact]
    public async Task First_runs_at_the_same_time_apply_each_migration_once()
    {
        await using var database = await FreshDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => database.OpenAsync($"project-{i}"))));

        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM declarative_schema_migrations"));
    }

    [Fact]
    public async Task A_schema_migrated_by_a_newer_Declarative_is_refused()
    {
        await using var database = await FreshDatabaseAsync();
        await database.OpenAsync("shop");
        await database.ExecuteAsync("INSERT INTO declarative_schema_migrations (version, name) VALUES (99, 'from the future')");

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => database.OpenAsync("shop"));

        Assert.Equal("The state store's schema is from a newer Declarative", error.Summary);
        Assert.Contains("has state schema version 99 (declarative_schema_migrations); this Declarative knows versions up to 1", error.Details[0], StringComparison.Ordinal);
        Assert.StartsWith("Upgrade Declarative", error.Details[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_with_the_documented_privileges_runs_once_an_owner_created_the_schema()
    {
        await using var database = await FreshDatabaseAsync();
        var role = "decl_app_" + Guid.NewGuid().ToString("N")[..8];
        await database.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'app-password'");
        var asRole = database.Settings;
        asRole.Username = role;
        asRole.Password = "app-password";

        // Without CREATE on the schema, the first run cannot create the tables.
        var refused = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => database.OpenAsync("shop", asConnectionString: asRole.ConnectionString));
        await database.OpenAsync("shop");
        await database.ExecuteAsync(
            $"""
            GRANT SELECT ON declarative_schema_migrations TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON declarative_revisions, declarative_journal, declarative_locks TO {role};
            """);
        var store = await database.OpenAsync("shop", key: StateKey.Generate(), asConnectionString: asRole.ConnectionString);
        await using (var held = await store.LockAsync(Requester(), CancellationToken.None))
        {
            await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("web")), CancellationToken.None);
            await store.AppendAsync(1, Applied(Secret()), CancellationToken.None);
            await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web"), Secret()), CancellationToken.None);
            await store.SaveAsync(Revision(2, RevisionStatus.Pending), CancellationToken.None);
            await store.AppendAsync(2, Applied(ConfigMap("api")), CancellationToken.None);
            await store.DeleteAsync(2, CancellationToken.None);
        }

        Assert.Equal("The state store's user lacks a privilege", refused.Summary);
        Assert.Contains("permission denied for schema public", refused.Details[0], StringComparison.Ordinal);
        Assert.Equal([1], (await store.ListAsync(CancellationToken.None)).Select(r => r.Number));
        Assert.Equal(LockRemovalOutcome.NotLocked, (await store.RemoveStaleLockAsync(CancellationToken.None)).Outcome);
        await database.ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
    }

    [Fact]
    public async Task Rows_hold_the_bytes_of_a_local_revision_file_and_journal_line_with_columns_for_listing()
    {
        await using var database = await FreshDatabaseAsync();
        using var folder = new TempDirectory();
        var local = new LocalStateStore(folder.Root, "dev", null, TimeProvider.System);
        var store = await database.OpenAsync("shop");
        var revision = Revision(3, RevisionStatus.Pending, ConfigMap("web"), ConfigMap("api")) with { Operation = RevisionOperation.Rollback, RollbackOf = 1 };
        foreach (var target in new IStateStore[] { local, store })
        {
            await target.SaveAsync(revision, CancellationToken.None);
            await target.AppendAsync(3, new JournalRecord.Deleted(ConfigMapAddress("api")), CancellationToken.None);
        }

        var columns = await database.ScalarAsync<string>(
            "SELECT concat_ws(' ', revision, status, operation, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS'), finished_at IS NULL) FROM declarative_revisions WHERE project = 'shop'");

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder.Root, "revision-000003.json")), await database.ScalarAsync<byte[]>("SELECT payload FROM declarative_revisions WHERE project = 'shop'"));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder.Root, "revision-000003.journal.jsonl")), await database.ScalarAsync<byte[]>("SELECT record FROM declarative_journal WHERE project = 'shop'"));
        Assert.Equal("3 pending rollback 2025-03-01T10:03:00 t", columns);
    }

    private async Task<PostgresTestDatabase> FreshDatabaseAsync() =>
        new(await server.DatabaseAsync(nameof(PostgresSchemaTests) + Guid.NewGuid().ToString("N")[..6]));
}
