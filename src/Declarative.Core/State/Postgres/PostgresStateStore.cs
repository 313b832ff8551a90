using System.Collections.Concurrent;
using System.Collections.Immutable;
using Declarative.Core.State.Storage;
using Npgsql;

namespace Declarative.Core.State.Postgres;

/// <summary>
/// An environment's history in PostgreSQL (docs/state.md, "PostgreSQL store"): many projects and environments in one
/// database, one row per revision holding the bytes a local revision file holds (<see cref="RevisionCodec"/>, secret
/// values sealed), one row per journal record, and the lock as a session advisory lock plus a row naming its holder
/// (<see cref="PostgresStateLock"/>). <see cref="OpenAsync"/> connects and migrates the schema. Every failure to reach
/// or use the server is a <see cref="StateStoreUnavailableException"/> naming the server, never the password; a row
/// that cannot be read is a <see cref="StateFileException"/> naming the row. Dispose to close its connections (and
/// release a lock it still holds).
/// </summary>
public sealed partial class PostgresStateStore : IStateStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource pool;
    private readonly NpgsqlDataSource sessions;
    private readonly PostgresScope scope;
    private readonly PostgresRowCodec rows;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<int, GroupCommit> journals = [];
    private PostgresStateLock? held;

    private PostgresStateStore(NpgsqlDataSource pool, NpgsqlDataSource sessions, PostgresScope scope, StateKey? key, TimeProvider time)
    {
        this.pool = pool;
        this.sessions = sessions;
        this.scope = scope;
        this.time = time;
        rows = new PostgresRowCodec(scope, key is null ? null : new SecretSealer(key));
    }

    public string Project => scope.Project;

    public string Environment => scope.Environment;

    /// <summary>The server, database and user, for messages: never the password.</summary>
    public string Server => scope.Target.Describe();

    /// <summary>
    /// Connects to the database <paramref name="connectionString"/> names (Npgsql's keyword=value form: Host, Port,
    /// Database, Username, Password, SSL Mode, ...), brings its schema to this version, and returns the store of
    /// <paramref name="project"/>'s <paramref name="environment"/>. Throws <see cref="StateStoreUnavailableException"/>
    /// when the server cannot be reached or used, and <see cref="ArgumentException"/> for a connection string that is
    /// not one (the message names the problem, never the string).
    /// </summary>
    public static async Task<PostgresStateStore> OpenAsync(
        string connectionString,
        string project,
        string environment,
        StateKey? key,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        var settings = Parse(connectionString);
        settings.ApplicationName ??= "declarative";
        var target = PostgresTarget.From(settings);

        // The lock's connection must end its session when it closes (that is what frees a dead run's lock), so it never
        // goes back to a pool.
        var sessionSettings = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
        var pool = NpgsqlDataSource.Create(settings);
        var sessions = NpgsqlDataSource.Create(sessionSettings);
        var store = new PostgresStateStore(pool, sessions, new PostgresScope(target, project, environment), key, time);
        try
        {
            await store.GuardAsync(() => PostgresSchema.MigrateAsync(pool, target, cancellationToken));
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken)
    {
        var taken = await GuardAsync(() => PostgresStateLock.AcquireAsync(sessions, scope, requester, time, Released, cancellationToken));
        try
        {
            var latest = await GetLatestAsync(cancellationToken);
            taken.Abandoned(latest is { Status: RevisionStatus.Pending } ? latest : null);

            // From here on this run's writes go through the lock's session, so they fail if the lock was lost.
            Volatile.Write(ref held, taken);
            return taken;
        }
        catch
        {
            await taken.DisposeAsync();
            throw;
        }
    }

    public Task<Revision?> GetLatestAsync(CancellationToken cancellationToken) =>
        ReadOneAsync("SELECT revision, payload FROM declarative_revisions WHERE project = $1 AND environment = $2 ORDER BY revision DESC LIMIT 1", null, cancellationToken);

    public Task<Revision?> GetAsync(int number, CancellationToken cancellationToken) =>
        ReadOneAsync("SELECT revision, payload FROM declarative_revisions WHERE project = $1 AND environment = $2 AND revision = $3", number, cancellationToken);

    public Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await pool.OpenConnectionAsync(cancellationToken);
        var revisions = new List<Revision>();
        await using (var command = Scoped(connection, "SELECT revision, payload FROM declarative_revisions WHERE project = $1 AND environment = $2 ORDER BY revision"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                revisions.Add(rows.DecodeRevision(reader.GetInt32(0), reader.GetFieldValue<byte[]>(1)));
            }
        }

        if (!revisions.Any(r => r.Status == RevisionStatus.Pending))
        {
            return revisions.ToImmutableArray();
        }

        var records = await JournalsAsync(connection, null, cancellationToken);
        return [.. revisions.Select(r => Replayed(r, records))];
    });

    public async Task SaveAsync(Revision revision, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(revision.Number, 1);
        var payload = rows.EncodeRevision(revision);
        await WriteAsync(
            async connection =>
            {
                // One implicit transaction: the revision replaces the row, and the journal it supersedes goes with it.
                await using var batch = new NpgsqlBatch(connection)
                {
                    BatchCommands =
                    {
                        ScopedBatchCommand(
                            """
                            INSERT INTO declarative_revisions (project, environment, revision, status, operation, started_at, finished_at, saved_at, payload)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                            ON CONFLICT (project, environment, revision) DO UPDATE SET
                                status = excluded.status, operation = excluded.operation, started_at = excluded.started_at,
                                finished_at = excluded.finished_at, saved_at = excluded.saved_at, payload = excluded.payload
                            """,
                            new NpgsqlParameter<int> { TypedValue = revision.Number },
                            new NpgsqlParameter<string> { TypedValue = EnumWords.Word(revision.Status) },
                            new NpgsqlParameter<string> { TypedValue = EnumWords.Word(revision.Operation) },
                            new NpgsqlParameter<DateTimeOffset> { TypedValue = revision.StartedAt.ToUniversalTime() },
                            new NpgsqlParameter<DateTimeOffset?> { TypedValue = revision.FinishedAt?.ToUniversalTime() },
                            new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() },
                            new NpgsqlParameter<byte[]> { TypedValue = payload }),
                        ScopedBatchCommand(
                            "DELETE FROM declarative_journal WHERE project = $1 AND environment = $2 AND revision = $3",
                            new NpgsqlParameter<int> { TypedValue = revision.Number }),
                    },
                };
                await batch.ExecuteNonQueryAsync(cancellationToken);
                return true;
            },
            cancellationToken);
        journals.TryRemove(revision.Number, out _);
    }

    public Task AppendAsync(int number, JournalRecord record, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var bytes = rows.EncodeRecord(number, record);
        var journal = journals.GetOrAdd(number, n => new GroupCommit(batch => InsertJournalAsync(n, batch)));
        return journal.AppendAsync(bytes, cancellationToken);
    }

    public async Task DeleteAsync(int number, CancellationToken cancellationToken)
    {
        await WriteAsync(
            async connection =>
            {
                // The journal's rows go with it (ON DELETE CASCADE).
                await using var command = Scoped(connection, "DELETE FROM declarative_revisions WHERE project = $1 AND environment = $2 AND revision = $3");
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = number });
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
        journals.TryRemove(number, out _);
    }

    public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken) =>
        GuardAsync(() => PostgresStateLock.RemoveStaleAsync(sessions, scope, cancellationToken));

    /// <summary>Releases a lock this store still holds, then closes its connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref held) is { } stillHeld)
        {
            await stillHeld.DisposeAsync();
        }

        await pool.DisposeAsync();
        await sessions.DisposeAsync();
    }

    /// <summary>Tests only: how many INSERTs the journal of revision <paramref name="number"/> took in this store
    /// object.</summary>
    internal int JournalBatches(int number) => journals.TryGetValue(number, out var journal) ? journal.Batches : 0;

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql's messages name keywords, not values; the string itself may hold a password and is never repeated.
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {ex.Message} It takes keyword=value pairs separated by ';', e.g. Host=db.example;Database=declarative;Username=decl.", nameof(connectionString), ex);
        }
    }

    private void Released(PostgresStateLock released) => Interlocked.CompareExchange(ref held, null, released);

    private Task<Revision?> ReadOneAsync(string sql, int? number, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await pool.OpenConnectionAsync(cancellationToken);
        Revision revision;
        await using (var command = Scoped(connection, sql))
        {
            if (number is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = number.Value });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            revision = rows.DecodeRevision(reader.GetInt32(0), reader.GetFieldValue<byte[]>(1));
        }

        // A completed revision was written whole; it never has a journal (the save deleted it in the same transaction).
        return revision.Status == RevisionStatus.Pending
            ? Replayed(revision, await JournalsAsync(connection, revision.Number, cancellationToken))
            : revision;
    });

    /// <summary>The journal records of one revision (or of all when <paramref name="number"/> is null), by revision, in
    /// the order they were appended.</summary>
    private async Task<Dictionary<int, List<JournalRecord>>> JournalsAsync(NpgsqlConnection connection, int? number, CancellationToken cancellationToken)
    {
        var sql = "SELECT revision, seq, record FROM declarative_journal WHERE project = $1 AND environment = $2"
            + (number is null ? string.Empty : " AND revision = $3")
            + " ORDER BY revision, seq";
        await using var command = Scoped(connection, sql);
        if (number is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = number.Value });
        }

        var journals = new Dictionary<int, List<JournalRecord>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var revision = reader.GetInt32(0);
            var seq = reader.GetInt64(1);
            if (!journals.TryGetValue(revision, out var records))
            {
                journals[revision] = records = [];
            }

            records.Add(rows.DecodeRecord(revision, seq, reader.GetFieldValue<byte[]>(2)));
        }

        return journals;
    }

    private static Revision Replayed(Revision revision, Dictionary<int, List<JournalRecord>> journals) =>
        revision.Status == RevisionStatus.Pending && journals.TryGetValue(revision.Number, out var records)
            ? JournalReplay.Replay(revision, records)
            : revision;

    private Task InsertJournalAsync(int number, IReadOnlyList<byte[]> records) => WriteAsync(
        async connection =>
        {
            await using var command = Scoped(
                connection,
                """
                INSERT INTO declarative_journal (project, environment, revision, record)
                SELECT $1, $2, $3, r.record FROM unnest($4::bytea[]) WITH ORDINALITY AS r(record, n) ORDER BY r.n
                """);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = number });
            command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. records] });
            try
            {
                return await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new InvalidOperationException($"Revision {number} is not in the store ({scope.RevisionRow(number)}): save it pending before recording to its journal.", ex);
            }
        },
        CancellationToken.None);

    /// <summary>A write: through the lock's session while this store holds the lock (so a lost lock fails it), else on
    /// a pooled connection.</summary>
    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (Volatile.Read(ref held) is { } session)
        {
            return await session.UseAsync(work, cancellationToken);
        }

        await using var connection = await pool.OpenConnectionAsync(cancellationToken);
        return await work(connection);
    });

    private async Task GuardAsync(Func<Task> action) => await GuardAsync(async () =>
    {
        await action();
        return true;
    });

    /// <summary>Runs <paramref name="action"/>, turning a failure to reach or use the server into an error that names it
    /// and says what to check.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (NpgsqlException ex)
        {
            throw PostgresErrors.Unavailable(scope.Target, ex);
        }
    }

    private NpgsqlCommand Scoped(NpgsqlConnection connection, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.Project });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.Environment });
        return command;
    }

    private NpgsqlBatchCommand ScopedBatchCommand(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.Project });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.Environment });
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
