using System.Data;
using Npgsql;

namespace Declarative.Core.State.Postgres;

/// <summary>
/// The PostgreSQL store's lock: a session-level advisory lock (<c>pg_try_advisory_lock</c>) held on a connection of
/// its own for the whole run, plus a row in <c>declarative_locks</c> naming the holder for whoever is refused. The
/// server frees an advisory lock when its session ends, so a run that dies (kill -9, a lost machine once TCP
/// keepalive notices) leaves no lock behind, only its row, which the next holder replaces. The holding run's writes
/// go through the same connection (<see cref="UseAsync"/>): if it broke, the lock may be someone else's, and the
/// write fails instead of landing.
/// </summary>
internal sealed class PostgresStateLock : IStateLock
{
    private readonly NpgsqlConnection session;
    private readonly PostgresScope scope;
    private readonly Action<PostgresStateLock> onRelease;
    private readonly SemaphoreSlim gate = new(1, 1);
    private int disposed;

    private PostgresStateLock(NpgsqlConnection session, PostgresScope scope, LockRecord holder, Action<PostgresStateLock> onRelease)
    {
        this.session = session;
        this.scope = scope;
        this.onRelease = onRelease;
        Holder = holder;
    }

    public LockRecord Holder { get; }

    public Revision? AbandonedPending { get; private set; }

    /// <summary>Takes the lock and writes the holder's row, or throws <see cref="StateLockedException"/> at once naming
    /// the run that holds it. <paramref name="sessions"/> must not pool: closing the connection must end the session.</summary>
    public static async Task<PostgresStateLock> AcquireAsync(
        NpgsqlDataSource sessions,
        PostgresScope scope,
        LockRecord requester,
        TimeProvider time,
        Action<PostgresStateLock> onRelease,
        CancellationToken cancellationToken)
    {
        var session = await OpenSessionAsync(sessions, cancellationToken);
        try
        {
            if (!await TryLockAsync(session, scope, cancellationToken))
            {
                throw await LockedAsync(session, scope, cancellationToken);
            }

            await using var record = new NpgsqlCommand(
                """
                INSERT INTO declarative_locks (project, environment, holder_user, holder_host, holder_pid, command, started_at, locked_at, backend_pid)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, pg_backend_pid())
                ON CONFLICT (project, environment) DO UPDATE SET
                    holder_user = excluded.holder_user, holder_host = excluded.holder_host, holder_pid = excluded.holder_pid,
                    command = excluded.command, started_at = excluded.started_at, locked_at = excluded.locked_at,
                    backend_pid = excluded.backend_pid
                """,
                session);
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.Project });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.Environment });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = requester.User });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = requester.Host });
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = requester.ProcessId });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = requester.Command });
            record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = requester.Started.ToUniversalTime() });
            record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
            await record.ExecuteNonQueryAsync(cancellationToken);
            return new PostgresStateLock(session, scope, requester, onRelease);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <c>decl state unlock</c>: takes the advisory lock itself (so no run starts meanwhile) and deletes the row unless
    /// its holder's process still runs on this host. When a session holds the advisory lock, its run is alive and
    /// nothing changes.
    /// </summary>
    public static async Task<LockRemoval> RemoveStaleAsync(NpgsqlDataSource sessions, PostgresScope scope, CancellationToken cancellationToken)
    {
        await using var session = await OpenSessionAsync(sessions, cancellationToken);
        if (!await TryLockAsync(session, scope, cancellationToken))
        {
            return new LockRemoval(LockRemovalOutcome.HeldByLiveRun, scope.Environment, await LiveHolderAsync(session, scope, cancellationToken));
        }

        var holder = await RowAsync(session, scope, cancellationToken);
        LockRemoval removal;
        if (holder is null)
        {
            removal = new LockRemoval(LockRemovalOutcome.NotLocked, scope.Environment, null);
        }
        else if (HolderProcess.IsRunningOnThisHost(holder))
        {
            removal = new LockRemoval(LockRemovalOutcome.HolderStillRunning, scope.Environment, holder);
        }
        else
        {
            await using var delete = Command(session, "DELETE FROM declarative_locks WHERE project = $1 AND environment = $2", scope);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            removal = new LockRemoval(LockRemovalOutcome.Removed, scope.Environment, holder);
        }

        // Closing the session would free the lock too; unlocking says so.
        await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", session);
        unlock.Parameters.Add(new NpgsqlParameter<long> { TypedValue = scope.LockKey });
        await unlock.ExecuteScalarAsync(cancellationToken);
        return removal;
    }

    /// <summary>Records the pending revision found once the lock was taken: its writer died.</summary>
    public void Abandoned(Revision? pending) => AbandonedPending = pending;

    /// <summary>Runs <paramref name="work"/> on the lock's session, one call at a time. A session that broke has lost the
    /// lock: the call fails with "Lost the state lock" and nothing is written.</summary>
    public async Task<T> UseAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
            if (session.FullState != ConnectionState.Open)
            {
                throw PostgresErrors.LostLock(scope.Target, scope.Project, scope.Environment, new InvalidOperationException("the connection is closed."));
            }

            try
            {
                return await work(session);
            }
            catch (NpgsqlException ex) when (session.FullState != ConnectionState.Open)
            {
                throw PostgresErrors.LostLock(scope.Target, scope.Project, scope.Environment, ex);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        onRelease(this);
        await gate.WaitAsync();
        try
        {
            if (session.FullState == ConnectionState.Open)
            {
                // The row goes first, while the lock is still ours, so it can never delete the next holder's row.
                await using var release = new NpgsqlBatch(session)
                {
                    BatchCommands =
                    {
                        new NpgsqlBatchCommand("DELETE FROM declarative_locks WHERE project = $1 AND environment = $2 AND backend_pid = pg_backend_pid()")
                        {
                            Parameters = { new NpgsqlParameter<string> { TypedValue = scope.Project }, new NpgsqlParameter<string> { TypedValue = scope.Environment } },
                        },
                        new NpgsqlBatchCommand("SELECT pg_advisory_unlock($1)") { Parameters = { new NpgsqlParameter<long> { TypedValue = scope.LockKey } } },
                    },
                };
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        catch (NpgsqlException)
        {
            // The session broke, and the server freed the lock with it; a row left behind is harmless (the next holder
            // replaces it, and `decl state unlock` removes it).
        }
        finally
        {
            await session.DisposeAsync();
            gate.Release();
        }
    }

    private static async Task<NpgsqlConnection> OpenSessionAsync(NpgsqlDataSource sessions, CancellationToken cancellationToken)
    {
        var session = await sessions.OpenConnectionAsync(cancellationToken);
        try
        {
            // The session is idle for most of a run: server-side timeouts must not end it (and free the lock), while TCP
            // keepalive lets the server notice within about a minute a client that vanished without closing the socket.
            var settings = "SET idle_in_transaction_session_timeout = 0; SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3";
            if (session.PostgreSqlVersion >= new Version(14, 0))
            {
                settings += "; SET idle_session_timeout = 0";
            }

            await using var configure = new NpgsqlCommand(settings, session);
            await configure.ExecuteNonQueryAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection session, PostgresScope scope, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", session);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = scope.LockKey });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task<StateLockedException> LockedAsync(NpgsqlConnection session, PostgresScope scope, CancellationToken cancellationToken) =>
        await LiveHolderAsync(session, scope, cancellationToken) is { } holder
            ? new StateLockedException(holder, scope.Environment)
            : new StateLockedException($"Environment \"{scope.Environment}\" is locked by another run, whose lock record (declarative_locks, project \"{scope.Project}\" on {scope.Target.Server}) cannot be read.");

    /// <summary>The row of the session that holds the advisory lock. It writes its row just after it takes the lock
    /// (and a dead holder's row may still be there): give it a moment before reporting none.</summary>
    private static async Task<LockRecord?> LiveHolderAsync(NpgsqlConnection session, PostgresScope scope, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await using var command = Command(
                session,
                """
                SELECT l.holder_user, l.holder_host, l.holder_pid, l.started_at, l.command
                FROM declarative_locks l
                WHERE l.project = $1 AND l.environment = $2 AND EXISTS (
                    SELECT 1 FROM pg_locks k
                    WHERE k.locktype = 'advisory' AND k.granted AND k.pid = l.backend_pid
                      AND k.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND k.classid = $3 AND k.objid = $4 AND k.objsubid = 1)
                """,
                scope);
            command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = scope.LockClassId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
            command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = scope.LockObjectId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
            if (await ReadHolderAsync(command, cancellationToken) is { } holder)
            {
                return holder;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return null;
    }

    private static async Task<LockRecord?> RowAsync(NpgsqlConnection session, PostgresScope scope, CancellationToken cancellationToken)
    {
        await using var command = Command(
            session,
            "SELECT holder_user, holder_host, holder_pid, started_at, command FROM declarative_locks WHERE project = $1 AND environment = $2",
            scope);
        return await ReadHolderAsync(command, cancellationToken);
    }

    private static async Task<LockRecord?> ReadHolderAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LockRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4))
            : null;
    }

    private static NpgsqlCommand Command(NpgsqlConnection session, string sql, PostgresScope scope)
    {
        var command = new NpgsqlCommand(sql, session);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.Project });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scope.Environment });
        return command;
    }
}
