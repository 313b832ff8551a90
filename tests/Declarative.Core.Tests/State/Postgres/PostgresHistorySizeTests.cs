using System.Diagnostics;
using Declarative.Core.State;
using Declarative.Testing;
using Npgsql;
using Xunit.Abstractions;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State.Postgres;

/// <summary>An apply-sized history in PostgreSQL: a revision of 1,000 inventory entries saves and loads, recording one
/// resource costs one small row (the revision row is not touched), and records that arrive together share one INSERT.
/// Timings go to the test output; the assertions are about rows and bytes, which do not depend on the machine.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHistorySizeTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string project = "big-" + Guid.NewGuid().ToString("N")[..8];
    private PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = new PostgresTestDatabase(await server.DatabaseAsync(nameof(PostgresHistorySizeTests)));

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_thousand_entries_save_and_load_and_an_append_costs_one_row_not_the_revision()
    {
        var key = StateKey.Generate();
        var store = await database.OpenAsync(project, key: key);
        var inventory = Enumerable.Range(0, 1000).Select(i => ConfigMap($"app-{i:D4}", new string('x', 200))).Append(Secret()).ToArray();
        var begun = Revision(1, RevisionStatus.Pending, inventory);

        var clock = Stopwatch.StartNew();
        await store.SaveAsync(begun, CancellationToken.None);
        var saved = clock.Elapsed;
        var (rowVersion, payloadBytes) = await RevisionRowAsync();

        clock.Restart();
        await store.AppendAsync(1, Applied(ConfigMap("app-new")), CancellationToken.None);
        var appended = clock.Elapsed;
        var (rowVersionAfterAppend, _) = await RevisionRowAsync();
        var journalBytes = await database.ScalarAsync<int>("SELECT sum(octet_length(record))::int FROM declarative_journal WHERE project = $1", project);
        var journalRows = await JournalRowsAsync();

        clock.Restart();
        var replayed = (await (await database.OpenAsync(project, key: key)).GetAsync(1, CancellationToken.None))!;
        var loaded = clock.Elapsed;
        await store.SaveAsync(replayed with { Status = RevisionStatus.Deployed, FinishedAt = Start.AddHours(1) }, CancellationToken.None);
        var reread = Assert.Single(await (await database.OpenAsync(project, key: key)).ListAsync(CancellationToken.None));

        output.WriteLine($"revision row {payloadBytes:N0} bytes, saved in {saved.TotalMilliseconds:F0} ms; one journal row {journalBytes:N0} bytes, appended in {appended.TotalMilliseconds:F1} ms; loaded with its journal in {loaded.TotalMilliseconds:F0} ms");
        Assert.Equal(rowVersion, rowVersionAfterAppend);
        Assert.Equal(1, journalRows);
        Assert.InRange(journalBytes, 1, payloadBytes / 500);
        Assert.Equal(1002, replayed.Inventory.Length);
        Assert.Equal(Password, (string?)replayed.Inventory.Single(e => e.Address == SecretAddress).Applied.Object["data"]!["password"]);
        Assert.Equal(0, await JournalRowsAsync());
        Assert.Equal(RevisionStatus.Deployed, reread.Status);
        Assert.Equal(replayed.Inventory.Select(e => e.Address), reread.Inventory.Select(e => e.Address));
    }

    [Fact]
    public async Task Records_that_arrive_while_an_insert_waits_share_the_next_insert()
    {
        var store = await database.OpenAsync(project);
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);

        // Another transaction holds the journal table, so the first INSERT waits on the server while the rest queue.
        await using var blocker = new NpgsqlConnection(database.ConnectionString);
        await blocker.OpenAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE declarative_journal IN EXCLUSIVE MODE", blocker, blocking))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var first = store.AppendAsync(1, Applied(ConfigMap("c00")), CancellationToken.None);
        await WaitForBlockedInsertAsync();
        var rest = Enumerable.Range(1, 49).Select(i => store.AppendAsync(1, Applied(ConfigMap($"c{i:D2}")), CancellationToken.None)).ToList();
        Assert.False(first.IsCompleted);
        await blocking.RollbackAsync();
        await Task.WhenAll(rest.Append(first));

        Assert.Equal(2, store.JournalBatches(1));
        Assert.Equal(50, await JournalRowsAsync());
        Assert.Equal(50, (await store.GetAsync(1, CancellationToken.None))!.Inventory.Length);
    }

    private async Task<(uint RowVersion, int Bytes)> RevisionRowAsync()
    {
        var text = await database.ScalarAsync<string>("SELECT xmin::text || ' ' || octet_length(payload) FROM declarative_revisions WHERE project = $1 AND revision = 1", project);
        var parts = text.Split(' ');
        return (uint.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task<long> JournalRowsAsync() => database.ScalarAsync<long>("SELECT count(*) FROM declarative_journal WHERE project = $1", project);

    private async Task WaitForBlockedInsertAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO declarative_journal%'") > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The first journal INSERT never waited on the locked table.");
    }
}
