using Declarative.Core.State;
using Declarative.Testing;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

public sealed class HistoryLimitTests : IDisposable
{
    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task Deletes_the_oldest_beyond_the_limit_but_keeps_the_deployed_one_and_the_one_just_written()
    {
        var store = fixture.Store();
        await SaveAsync(store, RevisionStatus.Superseded, RevisionStatus.Deployed, RevisionStatus.Failed, RevisionStatus.Failed);

        var deleted = await HistoryLimit.TrimAsync(store, 2, justWritten: 4, CancellationToken.None);

        Assert.Equal([1, 3], deleted.AsEnumerable());
        Assert.Equal([2, 4], (await store.ListAsync(CancellationToken.None)).Select(r => r.Number));
        Assert.False(File.Exists(fixture.PathOf("revision-000001.json")));
        Assert.False(File.Exists(fixture.PathOf("revision-000003.json")));
    }

    [Fact]
    public async Task Keeps_more_than_the_limit_when_that_many_must_stay()
    {
        var store = new InMemoryStateStore("dev");
        await SaveAsync(store, RevisionStatus.Superseded, RevisionStatus.Deployed, RevisionStatus.Failed);

        var deleted = await HistoryLimit.TrimAsync(store, 1, justWritten: 3, CancellationToken.None);

        Assert.Equal([1], deleted.AsEnumerable());
        Assert.Equal([2, 3], (await store.ListAsync(CancellationToken.None)).Select(r => r.Number));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(50)]
    public async Task Deletes_nothing_without_a_limit_or_within_it(int max)
    {
        var store = new InMemoryStateStore("dev");
        await SaveAsync(store, RevisionStatus.Superseded, RevisionStatus.Superseded, RevisionStatus.Deployed);

        var deleted = await HistoryLimit.TrimAsync(store, max, justWritten: 3, CancellationToken.None);

        Assert.Empty(deleted);
        Assert.Equal(3, (await store.ListAsync(CancellationToken.None)).Length);
    }

    [Fact]
    public async Task The_next_revision_number_follows_the_newest_after_a_trim()
    {
        var store = fixture.Store();
        await SaveAsync(store, RevisionStatus.Superseded, RevisionStatus.Superseded, RevisionStatus.Deployed);
        await HistoryLimit.TrimAsync(store, 1, justWritten: 3, CancellationToken.None);

        var history = new RevisionHistory(store, fixture.Clock);
        var next = await history.BeginAsync(RevisionHistoryTests.Plan(3, []), new RevisionStart(RevisionOperation.Apply, "alice", null, "0.1.0", null), CancellationToken.None);

        Assert.Equal(4, next.Number);
    }

    public void Dispose() => fixture.Dispose();

    private static async Task SaveAsync(IStateStore store, params RevisionStatus[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            await store.SaveAsync(Revision(i + 1, statuses[i]), CancellationToken.None);
        }
    }
}
