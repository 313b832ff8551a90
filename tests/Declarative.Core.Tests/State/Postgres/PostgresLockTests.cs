using System.Diagnostics;
using Declarative.Core.State;
using Declarative.Core.State.Postgres;
using Declarative.Testing;
using Npgsql;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State.Postgres;

/// <summary>The PostgreSQL store's lock against a real server: a dead client's session frees it, a holder whose
/// session ended can no longer write, and the row says who holds it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLockTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string project = "shop-" + Guid.NewGuid().ToString("N")[..8];
    private PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = new PostgresTestDatabase(await server.DatabaseAsync(nameof(PostgresLockTests)));

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_holder_process_killed_with_SIGKILL_frees_the_lock()
    {
        // Schema first; then a psql process takes the lock as the store does (advisory lock, then the row) and idles.
        var store = await database.OpenAsync(project);
        using var psql = StartPsql();
        var key = new PostgresScope(new PostgresTarget("-", 0, "-", "-"), project, "dev").LockKey;
        await psql.StandardInput.WriteLineAsync(@"\o /dev/null");
        await psql.StandardInput.WriteLineAsync($"SELECT pg_advisory_lock({key});");
        await psql.StandardInput.WriteLineAsync(
            $"INSERT INTO declarative_locks VALUES ('{project}', 'dev', 'bob', 'ci-9', 777, 'decl apply --env dev', '2025-03-01T09:00:00Z', now(), pg_backend_pid());");
        await psql.StandardInput.WriteLineAsync(@"\echo ready");
        await psql.StandardInput.FlushAsync();
        Assert.Equal("ready", await psql.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        var refused = await Assert.ThrowsAsync<StateLockedException>(() => store.LockAsync(Requester(), CancellationToken.None));
        psql.Kill();
        await psql.WaitForExitAsync();
        var clock = Stopwatch.StartNew();
        var taken = await LockWhenFreeAsync(store, TimeSpan.FromSeconds(10));

        Assert.Equal(new LockRecord("bob", "ci-9", 777, new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), "decl apply --env dev"), refused.Holder);
        Assert.Equal("alice", taken.Holder.User);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await taken.DisposeAsync();
    }

    [Fact]
    public async Task A_holder_whose_session_was_terminated_loses_the_lock_and_can_no_longer_write()
    {
        var first = await database.OpenAsync(project, key: StateKey.Generate());
        await first.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web")), CancellationToken.None);
        var lost = await first.LockAsync(Requester("decl apply --env dev", 100), CancellationToken.None);
        await first.SaveAsync(Revision(2, RevisionStatus.Pending, ConfigMap("web")), CancellationToken.None);
        await first.AppendAsync(2, Applied(ConfigMap("api")), CancellationToken.None);

        var terminated = await database.ScalarAsync<bool>(
            "SELECT pg_terminate_backend(backend_pid, 5000) FROM declarative_locks WHERE project = $1 AND environment = 'dev'", project);
        var second = await database.OpenAsync(project);
        await using var taken = await second.LockAsync(Requester("decl apply --env dev", 200), CancellationToken.None);
        await second.SaveAsync(taken.AbandonedPending! with { Status = RevisionStatus.Failed }, CancellationToken.None);

        var append = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => first.AppendAsync(2, Applied(ConfigMap("late")), CancellationToken.None));
        var save = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => first.SaveAsync(Revision(2, RevisionStatus.Deployed, ConfigMap("late")), CancellationToken.None));

        Assert.True(terminated);
        Assert.Equal(["api", "web"], taken.AbandonedPending.Inventory.Select(e => e.Address.Name));
        Assert.Equal("Lost the state lock", append.Summary);
        Assert.Equal("Lost the state lock", save.Summary);
        Assert.Contains($"held the lock of project \"{project}\", environment \"dev\"", append.Details[0], StringComparison.Ordinal);
        var stored = (await second.GetAsync(2, CancellationToken.None))!;
        Assert.Equal(RevisionStatus.Failed, stored.Status);
        Assert.Equal(["api", "web"], stored.Inventory.Select(e => e.Address.Name));
        await lost.DisposeAsync();
        Assert.Equal(200, (await Assert.ThrowsAsync<StateLockedException>(() => first.LockAsync(Requester("decl destroy"), CancellationToken.None))).Holder?.ProcessId);
    }

    [Fact]
    public async Task The_row_names_the_holder_and_the_session_that_holds_the_advisory_lock()
    {
        var store = await database.OpenAsync(project);
        var held = await store.LockAsync(Requester("decl apply --env dev", 4312), CancellationToken.None);

        var row = await database.ScalarAsync<string>(
            "SELECT concat_ws(' ', holder_user, holder_host, holder_pid, command) FROM declarative_locks WHERE project = $1", project);
        var application = await database.ScalarAsync<string>(
            "SELECT a.application_name FROM declarative_locks l JOIN pg_stat_activity a ON a.pid = l.backend_pid WHERE l.project = $1", project);
        var advisoryLocks = await database.ScalarAsync<long>("SELECT count(*) FROM pg_locks l JOIN declarative_locks d ON d.backend_pid = l.pid WHERE l.locktype = 'advisory' AND d.project = $1", project);
        var sessionSettings = await ((PostgresStateLock)held).UseAsync(
            async session =>
            {
                await using var show = new NpgsqlCommand("SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN ('idle_session_timeout', 'idle_in_transaction_session_timeout', 'tcp_keepalives_idle')", session);
                return (string?)await show.ExecuteScalarAsync();
            },
            CancellationToken.None);
        await held.DisposeAsync();

        Assert.Equal("alice ci-7 4312 decl apply --env dev", row);
        Assert.Equal("declarative", application);
        Assert.Equal(1, advisoryLocks);
        Assert.Equal("idle_in_transaction_session_timeout=0 idle_session_timeout=0 tcp_keepalives_idle=30", sessionSettings);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM declarative_locks WHERE project = $1", project));
        Assert.Equal(LockRemovalOutcome.NotLocked, (await store.RemoveStaleLockAsync(CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Disposing_the_store_releases_the_lock_it_still_holds()
    {
        var store = await PostgresStateStore.OpenAsync(database.ConnectionString, project, "dev", null, TimeProvider.System, CancellationToken.None);
        await store.LockAsync(Requester("decl apply --env dev", 1), CancellationToken.None);

        await store.DisposeAsync();

        await using var next = await (await database.OpenAsync(project)).LockAsync(Requester("decl apply --env dev", 2), CancellationToken.None);
        Assert.Equal(2, next.Holder.ProcessId);
    }

    private static async Task<IStateLock> LockWhenFreeAsync(IStateStore store, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await store.LockAsync(Requester(), CancellationToken.None);
            }
            catch (StateLockedException) when (clock.Elapsed < patience)
            {
                await Task.Delay(100);
            }
        }
    }

    private Process StartPsql()
    {
        var settings = database.Settings;
        var start = new ProcessStartInfo(Path.Combine(PostgresServer.FindBinaries(), "psql"))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", $"host={settings.Host} port={settings.Port} user={settings.Username} dbname={settings.Database}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = settings.Password;
        return Process.Start(start)!;
    }
}
