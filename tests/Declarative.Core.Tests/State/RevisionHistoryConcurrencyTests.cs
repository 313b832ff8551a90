using System.Collections.Immutable;
using Declarative.Core.Planning;
using Declarative.Core.State;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

public sealed class RevisionHistoryConcurrencyTests : IDisposable
{
    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task Concurrent_records_all_land_in_the_saved_revision()
    {
        var names = Enumerable.Range(0, 24).Select(i => $"cm{i:D2}").ToList();
        var history = new RevisionHistory(new SlowStore(fixture.Store()), fixture.Clock);
        var plan = RevisionHistoryTests.Plan(null, [.. names.Select(n => RevisionHistoryTests.Change(ConfigMapAddress(n), ChangeAction.Create)), RevisionHistoryTests.Change(SecretAddress, ChangeAction.Create, ["data", "stringData"])]);
        await history.BeginAsync(plan, new RevisionStart(RevisionOperation.Apply, "alice", null, "0.1.0", null), CancellationToken.None);

        var records = names.Select(n => ConfigMap(n).Applied).Append(Secret().Applied)
            .Select(applied => Task.Run(() => history.RecordAppliedAsync("kubernetes", applied, CancellationToken.None)));
        await Task.WhenAll(records);

        var saved = await fixture.Store().GetLatestAsync(CancellationToken.None);
        Assert.Equal([.. names, "db"], saved!.Inventory.Select(e => e.Address.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Password, (string?)saved.Inventory.Single(e => e.Address == SecretAddress).Applied.Object["data"]!["password"]);
        Assert.DoesNotContain(Password, await File.ReadAllTextAsync(fixture.PathOf("revision-000001.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, await File.ReadAllTextAsync(fixture.PathOf("revision-000001.journal.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_records_share_journal_writes_and_all_land_in_the_completed_revision()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"cm{i:D3}").ToList();
        var store = fixture.Store();
        var history = new RevisionHistory(store, fixture.Clock);
        await history.BeginAsync(RevisionHistoryTests.Plan(null, [.. names.Select(n => RevisionHistoryTests.Change(ConfigMapAddress(n), ChangeAction.Create))]), new RevisionStart(RevisionOperation.Apply, "alice", null, "0.1.0", null), CancellationToken.None);

        await Task.WhenAll(names.Select(n => Task.Run(() => history.RecordAppliedAsync("kubernetes", ConfigMap(n).Applied, CancellationToken.None))));
        var batches = store.JournalBatches(1);
        var completed = await history.CompleteAsync(new Core.Execution.ApplyResult([]), CancellationToken.None);

        Assert.InRange(batches, 1, names.Count);
        Assert.Equal(names, completed.Inventory.Select(e => e.Address.Name));
        Assert.Equal(names, (await fixture.Store().GetAsync(1, CancellationToken.None))!.Inventory.Select(e => e.Address.Name));
        Assert.False(File.Exists(fixture.PathOf("revision-000001.journal.jsonl")));
    }

    public void Dispose() => fixture.Dispose();

    /// <summary>Saves and appends take a while, so that concurrent records overlap.</summary>
    private sealed class SlowStore(IStateStore inner) : IStateStore
    {
        public Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken) => inner.LockAsync(requester, cancellationToken);

        public Task<Revision?> GetLatestAsync(CancellationToken cancellationToken) => inner.GetLatestAsync(cancellationToken);

        public Task<Revision?> GetAsync(int number, CancellationToken cancellationToken) => inner.GetAsync(number, cancellationToken);

        public Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public async Task SaveAsync(Revision revision, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            await inner.SaveAsync(revision, cancellationToken);
        }

        public async Task AppendAsync(int number, JournalRecord record, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            await inner.AppendAsync(number, record, cancellationToken);
        }

        public Task DeleteAsync(int number, CancellationToken cancellationToken) => inner.DeleteAsync(number, cancellationToken);

        public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken) => inner.RemoveStaleLockAsync(cancellationToken);
    }
}
