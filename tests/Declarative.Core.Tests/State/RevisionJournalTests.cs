using Declarative.Testing.StateContract;
using System.Text;
using Declarative.Core.State;
using Declarative.Core.State.Storage;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

/// <summary>The local store's journal of a pending revision: durable appends, replay on read, recovery.</summary>
public sealed class RevisionJournalTests : IDisposable
{
    private const string JournalName = "revision-000001.journal.jsonl";

    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task A_pending_revision_is_read_with_its_journal_replayed_after_a_crash()
    {
        var crashed = fixture.Store();
        var begun = Revision(1, RevisionStatus.Pending, ConfigMap("keep"), ConfigMap("gone"));
        await crashed.SaveAsync(begun, CancellationToken.None);
        await crashed.AppendAsync(1, Applied(ConfigMap("web", "v1")), CancellationToken.None);
        await crashed.AppendAsync(1, Applied(Secret()), CancellationToken.None);
        await crashed.AppendAsync(1, new JournalRecord.Deleted(ConfigMapAddress("gone")), CancellationToken.None);
        await crashed.AppendAsync(1, Applied(ConfigMap("web", "v2")), CancellationToken.None);

        // The run dies here: no Complete. A new process opens the store.
        var store = fixture.Store();
        var latest = await store.GetLatestAsync(CancellationToken.None);
        var listed = await store.ListAsync(CancellationToken.None);
        var byNumber = await store.GetAsync(1, CancellationToken.None);

        var expected = begun with { Inventory = [ConfigMap("keep"), Secret(), ConfigMap("web", "v2")] };
        StateStoreSamples.AssertSameRevision(expected, latest!);
        StateStoreSamples.AssertSameRevision(expected, listed.Single());
        StateStoreSamples.AssertSameRevision(expected, byNumber!);
        Assert.Equal(["ConfigMap/default/keep", "ConfigMap/default/web", "Secret/default/db"], latest!.Inventory.Select(e => e.Address.ToString()));
    }

    [Fact]
    public async Task The_next_holder_takes_over_the_replayed_revision_and_the_journal_goes()
    {
        var crashed = fixture.Store();
        await crashed.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);
        await crashed.AppendAsync(1, Applied(ConfigMap("web")), CancellationToken.None);
        await crashed.AppendAsync(1, Applied(Secret()), CancellationToken.None);

        var store = fixture.Store();
        await using var held = await store.LockAsync(Requester(), CancellationToken.None);
        Assert.Equal(["web", "db"], held.AbandonedPending!.Inventory.Select(e => e.Address.Name));
        await new RevisionHistory(store, fixture.Clock).FailAbandonedAsync(held.AbandonedPending, CancellationToken.None);

        Assert.False(File.Exists(fixture.PathOf(JournalName)));
        var failed = (await fixture.Store().GetAsync(1, CancellationToken.None))!;
        Assert.Equal(RevisionStatus.Failed, failed.Status);
        Assert.Equal(["web", "db"], failed.Inventory.Select(e => e.Address.Name));
        Assert.Equal(Password, (string?)failed.Inventory.Single(e => e.Address == SecretAddress).Applied.Object["data"]!["password"]);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public async Task A_torn_last_record_is_ignored(double writtenFraction)
    {
        var store = await PendingWithRecordsAsync("a", "b");
        var torn = JournalFile.Encode(Applied(ConfigMap("c")), new SecretSealer(fixture.Key), 1, fixture.PathOf(JournalName));
        await AppendBytesAsync(torn[..(int)(torn.Length * writtenFraction)]);

        var read = await fixture.Store().GetAsync(1, CancellationToken.None);

        Assert.Equal(["a", "b"], read!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task A_last_line_of_zeros_left_by_a_crash_is_ignored()
    {
        await PendingWithRecordsAsync("a");
        await AppendBytesAsync(new byte[512]);

        var read = await fixture.Store().GetAsync(1, CancellationToken.None);

        Assert.Equal(["a"], read!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task A_corrupt_record_before_the_last_names_the_file_and_the_line()
    {
        await PendingWithRecordsAsync("a", "b", "c");
        var lines = await File.ReadAllLinesAsync(fixture.PathOf(JournalName));
        lines[1] = lines[1][..40];
        await File.WriteAllLinesAsync(fixture.PathOf(JournalName), lines);

        var error = await Assert.ThrowsAsync<StateFileException>(() => fixture.Store().GetLatestAsync(CancellationToken.None));

        Assert.Equal("State file is unreadable", error.Summary);
        Assert.Equal(fixture.PathOf(JournalName), error.Path);
        Assert.StartsWith($"{fixture.PathOf(JournalName)} line 2 is not a valid journal record. It is not valid JSON", error.Details[0], StringComparison.Ordinal);
        Assert.StartsWith("Restore the file from a backup, or move it out of the state folder", error.Details[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"formatVersion":1}""", "exactly one of \"applied\" and \"deleted\"")]
    [InlineData("""{"applied":null}""", "no valid formatVersion")]
    [InlineData("""[1]""", "not a JSON object")]
    public async Task A_record_that_is_json_but_no_record_is_reported_even_last(string line, string problem)
    {
        await PendingWithRecordsAsync("a");
        await AppendBytesAsync(Encoding.UTF8.GetBytes(line + "\n"));

        var error = await Assert.ThrowsAsync<StateFileException>(() => fixture.Store().ListAsync(CancellationToken.None));

        Assert.Contains("line 2 is not a valid journal record", error.Details[0], StringComparison.Ordinal);
        Assert.Contains(problem, error.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_from_a_newer_Declarative_is_refused()
    {
        await PendingWithRecordsAsync("a");
        await AppendBytesAsync("""{"formatVersion":2,"something":{}}"""u8.ToArray());

        var error = await Assert.ThrowsAsync<StateFileException>(() => fixture.Store().GetAsync(1, CancellationToken.None));

        Assert.Equal("State file is from a newer Declarative", error.Summary);
        Assert.Contains($"{fixture.PathOf(JournalName)} line 2 has format version 2", error.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_values_are_sealed_in_the_journal_and_open_with_the_key_only()
    {
        await PendingWithRecordsAsync();
        await fixture.Store().AppendAsync(1, Applied(Secret()), CancellationToken.None);

        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(fixture.PathOf(JournalName)));
        foreach (var secret in new[] { Password, StringDataToken, "5432" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), text, StringComparison.Ordinal);
        }

        Assert.Contains("\"$sealed\"", text, StringComparison.Ordinal);
        var withKey = (await fixture.Store().GetAsync(1, CancellationToken.None))!.Inventory.Single();
        var withoutKey = (await fixture.Store(null).GetAsync(1, CancellationToken.None))!.Inventory.Single();
        Assert.Equal(Password, (string?)withKey.Applied.Object["data"]!["password"]);
        Assert.True(SealedValues.IsMasked(withoutKey));
    }

    [Fact]
    public async Task A_secret_is_never_journalled_without_a_key()
    {
        var store = fixture.Store(null);
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);

        await Assert.ThrowsAsync<StateKeyException>(() => store.AppendAsync(1, Applied(Secret()), CancellationToken.None));

        Assert.False(File.Exists(fixture.PathOf(JournalName)));
    }

    [Fact]
    public async Task Journal_lines_are_one_compact_record_each()
    {
        await PendingWithRecordsAsync("web");
        await fixture.Store().AppendAsync(1, new JournalRecord.Deleted(ConfigMapAddress("web")), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(fixture.PathOf(JournalName));

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("""{"formatVersion":1,"applied":{"provider":"kubernetes","address":{"module":"","group":"","kind":"ConfigMap","namespace":"default","name":"web"}""", lines[0], StringComparison.Ordinal);
        Assert.Equal("""{"formatVersion":1,"deleted":{"module":"","group":"","kind":"ConfigMap","namespace":"default","name":"web"}}""", lines[1]);
    }

    [Fact]
    public async Task Appending_does_not_rewrite_the_revision_file()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("base")), CancellationToken.None);
        var path = fixture.PathOf("revision-000001.json");
        var bytes = await File.ReadAllBytesAsync(path);
        var written = File.GetLastWriteTimeUtc(path);

        for (var i = 0; i < 20; i++)
        {
            await store.AppendAsync(1, Applied(ConfigMap($"c{i:D2}")), CancellationToken.None);
        }

        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal(20, (await File.ReadAllLinesAsync(fixture.PathOf(JournalName))).Length);
        Assert.Equal(21, (await store.GetAsync(1, CancellationToken.None))!.Inventory.Length);
    }

    [Fact]
    public async Task Each_awaited_record_is_its_own_durable_write()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync(1, Applied(ConfigMap($"c{i}")), CancellationToken.None);
            Assert.Equal(i + 1, (await File.ReadAllLinesAsync(fixture.PathOf(JournalName))).Length);
        }

        Assert.Equal(5, store.JournalBatches(1));
    }

    [Fact]
    public async Task Records_that_arrive_while_a_write_is_on_the_disk_share_the_next_write()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);
        var diskBusy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.UseJournal(1, new JournalAppender(store.JournalPathOf(1), () => diskBusy.Task));

        var records = Enumerable.Range(0, 50).Select(i => store.AppendAsync(1, Applied(ConfigMap($"c{i:D2}")), CancellationToken.None)).ToList();
        Assert.All(records, r => Assert.False(r.IsCompleted));
        diskBusy.SetResult();
        await Task.WhenAll(records);

        Assert.InRange(store.JournalBatches(1), 1, 2);
        var read = await fixture.Store().GetAsync(1, CancellationToken.None);
        Assert.Equal(50, read!.Inventory.Length);
    }

    [Fact]
    public async Task Many_concurrent_records_all_land_whole()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.AppendAsync(1, Applied(ConfigMap($"c{i:D3}")), CancellationToken.None))));

        var read = await fixture.Store().GetAsync(1, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"c{i:D3}"), read!.Inventory.Select(e => e.Address.Name));
        Assert.InRange(store.JournalBatches(1), 1, 200);
    }

    [Fact]
    public async Task Saving_the_revision_whole_drops_its_journal()
    {
        var store = await PendingWithRecordsAsync("a");
        var replayed = (await store.GetAsync(1, CancellationToken.None))!;

        await store.SaveAsync(replayed with { Status = RevisionStatus.Deployed }, CancellationToken.None);

        Assert.False(File.Exists(fixture.PathOf(JournalName)));
        Assert.Equal(["a"], (await fixture.Store().GetAsync(1, CancellationToken.None))!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task A_journal_left_beside_a_completed_revision_is_not_replayed()
    {
        var store = await PendingWithRecordsAsync("a");
        var journal = await File.ReadAllBytesAsync(fixture.PathOf(JournalName));
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("z")), CancellationToken.None);

        // The process died between writing the revision and deleting its journal.
        await File.WriteAllBytesAsync(fixture.PathOf(JournalName), journal);

        Assert.Equal(["z"], (await fixture.Store().GetAsync(1, CancellationToken.None))!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task A_journal_without_its_revision_is_not_replayed_into_a_new_revision_of_that_number()
    {
        await PendingWithRecordsAsync("stray");
        File.Delete(fixture.PathOf("revision-000001.json"));

        await fixture.Store().SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("new")), CancellationToken.None);

        Assert.Equal(["new"], (await fixture.Store().GetAsync(1, CancellationToken.None))!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task Deleting_a_revision_deletes_its_journal()
    {
        var store = await PendingWithRecordsAsync("a");

        await store.DeleteAsync(1, CancellationToken.None);

        Assert.Empty(Directory.GetFiles(fixture.Folder, "revision-*"));
    }

    [Fact]
    public async Task Recording_to_a_revision_that_was_never_saved_is_a_bug()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Store().AppendAsync(3, Applied(ConfigMap("a")), CancellationToken.None));

        Assert.Contains("Revision 3 is not in the store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journal_is_private_to_the_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only.
        }

        await PendingWithRecordsAsync("a");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.PathOf(JournalName)));
    }

    public void Dispose() => fixture.Dispose();

    private static JournalRecord.Applied Applied(InventoryEntry entry) => new(entry);

    private async Task<LocalStateStore> PendingWithRecordsAsync(params string[] names)
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);
        foreach (var name in names)
        {
            await store.AppendAsync(1, Applied(ConfigMap(name)), CancellationToken.None);
        }

        return store;
    }

    private async Task AppendBytesAsync(byte[] bytes)
    {
        await using var stream = new FileStream(fixture.PathOf(JournalName), FileMode.Append, FileAccess.Write);
        await stream.WriteAsync(bytes);
    }
}
