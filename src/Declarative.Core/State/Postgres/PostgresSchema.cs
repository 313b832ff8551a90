using System.Collections.Immutable;
using Npgsql;

namespace Declarative.Core.State.Postgres;

/// <summary>
/// The store's tables, created and changed by numbered migrations recorded in <c>declarative_schema_migrations</c>.
/// Each migration runs once, in its own transaction, under a transaction-scoped advisory lock, so two first runs at
/// once apply it once (the second waits, then sees it applied). A database migrated by a newer Declarative (a version
/// above ours) is refused: its tables may no longer be what this one reads. Migrations are only ever appended.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key of migrations ("declarative-schema" in ASCII, in a bigint).</summary>
    private const long MigrationLockKey = 0x6465636c2d736368;

    public static ImmutableArray<Migration> Migrations { get; } =
    [
        new(1, "revisions, journal and locks", """
            CREATE TABLE declarative_revisions (
                project      text        NOT NULL,
                environment  text        NOT NULL,
                revision     integer     NOT NULL CHECK (revision >= 1),
                status       text        NOT NULL,
                operation    text        NOT NULL,
                started_at   timestamptz NOT NULL,
                finished_at  timestamptz,
                saved_at     timestamptz NOT NULL,
                payload      bytea       NOT NULL,
                PRIMARY KEY (project, environment, revision)
            );
            CREATE TABLE declarative_journal (
                project      text    NOT NULL,
                environment  text    NOT NULL,
                revision     integer NOT NULL,
                seq          bigint  GENERATED ALWAYS AS IDENTITY,
                record       bytea   NOT NULL,
                PRIMARY KEY (project, environment, revision, seq),
                FOREIGN KEY (project, environment, revision)
                    REFERENCES declarative_revisions (project, environment, revision) ON DELETE CASCADE
            );
            CREATE TABLE declarative_locks (
                project      text        NOT NULL,
                environment  text        NOT NULL,
                holder_user  text        NOT NULL,
                holder_host  text        NOT NULL,
                holder_pid   integer     NOT NULL,
                command      text        NOT NULL,
                started_at   timestamptz NOT NULL,
                locked_at    timestamptz NOT NULL,
                backend_pid  integer     NOT NULL,
                PRIMARY KEY (project, environment)
            );
            """),
    ];

    public static int Latest => Migrations[^1].Version;

    /// <summary>Brings the schema to <see cref="Latest"/>; a no-op (two reads) when it is there already.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource pool, PostgresTarget target, CancellationToken cancellationToken)
    {
        await using var connection = await pool.OpenConnectionAsync(cancellationToken);
        var applied = await AppliedAsync(connection, cancellationToken);
        if (applied > Latest)
        {
            throw new StateStoreUnavailableException(
                target.Describe(),
                "The state store's schema is from a newer Declarative",
                [
                    $"{target.Server} has state schema version {applied} (declarative_schema_migrations); this Declarative knows versions up to {Latest}.",
                    "Upgrade Declarative to the version that migrated this database (or newer).",
                ]);
        }

        foreach (var migration in Migrations.Where(m => m.Version > applied))
        {
            await ApplyAsync(connection, migration, cancellationToken);
        }
    }

    private static async Task<int> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('declarative_schema_migrations') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        await using var latest = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM declarative_schema_migrations", connection);
        return (int)(await latest.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var wait = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            wait.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationLockKey });
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var table = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS declarative_schema_migrations (
                version     integer     PRIMARY KEY,
                name        text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """,
            connection,
            transaction))
        {
            await table.ExecuteNonQueryAsync(cancellationToken);
        }

        // Another process may have applied it while this one waited for the lock.
        await using (var done = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM declarative_schema_migrations WHERE version = $1)", connection, transaction))
        {
            done.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            if (await done.ExecuteScalarAsync(cancellationToken) is true)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }
        }

        await using (var change = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await change.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand("INSERT INTO declarative_schema_migrations (version, name) VALUES ($1, $2)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One step of the schema: <see cref="Sql"/> runs once, in a transaction.</summary>
    internal sealed record Migration(int Version, string Name, string Sql);
}
