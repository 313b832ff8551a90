using Declarative.Core.Planning;
using Declarative.Core.State;
using static Declarative.Core.Tests.State.StateSamples;

namespace Declarative.Core.Tests.State;

public sealed class RevisionHistoryConcurrencyTests : IDisposable
{
    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task Concurrent_records_all_land_in_the_saved_revision()
    {
        var names = Enumerable.Range(0, 24).Select(i => $"cm{i:D2}").ToList();
        var history = new RevisionHistory(fixture.Store(), fixture.Clock);
        var plan = RevisionHistoryTests.Plan(null, [.. names.Select(n => RevisionHistoryTests.Change(ConfigMapAddress(n), ChangeAction.Create)), RevisionHistoryTests.Change(SecretAddress, ChangeAction.Create, ["data", "stringData"])]);
        await history.BeginAsync(plan, new RevisionStart(RevisionOperation.Apply, "alice", null, "0.1.0", null), CancellationToken.None);

        var records = names.Select(n => ConfigMap(n).Applied).Append(Secret().Applied)
            .Select(applied => Task.Run(() => history.RecordAppliedAsync("kubernetes", applied, CancellationToken.None)));
        await Task.WhenAll(records);

        var saved = await fixture.Store().GetLatestAsync(CancellationToken.None);
        Assert.Equal([.. names, "db"], saved!.Inventory.Select(e => e.Address.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Password, (string?)saved.Inventory.Single(e => e.Address == SecretAddress).Applied.Object["data"]!["password"]);
        Assert.DoesNotContain(Password, await File.ReadAllTextAsync(fixture.PathOf("revision-000001.json")), StringComparison.Ordinal);
    }

    public void Dispose() => fixture.Dispose();
}
