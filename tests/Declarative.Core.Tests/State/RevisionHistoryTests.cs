using Declarative.Testing.StateContract;
using System.Collections.Immutable;
using Declarative.Core.Execution;
using Declarative.Core.Graph;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Testing;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

public sealed class RevisionHistoryTests
{
    private static readonly RevisionStart Start = new(RevisionOperation.Apply, "alice", "abc123", "0.1.0", "decl apply --env dev");

    private readonly InMemoryStateStore store = new("dev");
    private readonly ManualClock clock = new(StateStoreSamples.Start);

    [Fact]
    public async Task Begins_revision_1_as_pending_and_saves_it_before_returning()
    {
        var edge = new Edge(ConfigMapAddress("web"), SecretAddress, "data from secret", DependencyKind.Required);
        var plan = Plan(null, [Change(ConfigMapAddress("web"), ChangeAction.Create), Change(SecretAddress, ChangeAction.Create)]) with { Edges = [edge] };

        var revision = await History().BeginAsync(plan, Start, CancellationToken.None);

        Assert.Equal(1, revision.Number);
        Assert.Equal(RevisionStatus.Pending, revision.Status);
        Assert.Equal(StateStoreSamples.Start, revision.StartedAt);
        Assert.Null(revision.FinishedAt);
        Assert.Equal(Target, revision.Target);
        Assert.Equal([edge], revision.Edges.AsEnumerable());
        Assert.Equal(new RevisionSummary(2, 0, 0, 0, 0), revision.Summary);
        Assert.Equal(("alice", "abc123", "0.1.0", "decl apply --env dev"), (revision.User, revision.GitCommit, revision.DeclarativeVersion, revision.CommandLine));
        Assert.Empty(revision.Inventory);
        Assert.Equal(RevisionStatus.Pending, store.Saves.Single().Status);
    }

    [Fact]
    public async Task Numbers_the_next_revision_after_the_latest_whatever_its_status()
    {
        await store.SaveAsync(Revision(1, RevisionStatus.Superseded), CancellationToken.None);
        await store.SaveAsync(Revision(2, RevisionStatus.Deployed), CancellationToken.None);
        await store.SaveAsync(Revision(3, RevisionStatus.Failed), CancellationToken.None);

        var revision = await History().BeginAsync(Plan(3, []), Start, CancellationToken.None);

        Assert.Equal(4, revision.Number);
    }

    [Fact]
    public async Task Carries_the_base_inventory_forward_until_a_delete_is_recorded()
    {
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("keep"), ConfigMap("prune")), CancellationToken.None);
        var history = History();
        var begun = await history.BeginAsync(Plan(1, [Change(ConfigMapAddress("prune"), ChangeAction.Delete)]), Start, CancellationToken.None);

        await history.RecordDeletedAsync(ConfigMapAddress("prune"), CancellationToken.None);

        Assert.Equal(["keep", "prune"], begun.Inventory.Select(e => e.Address.Name));
        var saved = await store.GetAsync(2, CancellationToken.None);
        Assert.Equal(["keep"], saved!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task Records_an_applied_object_with_the_plan_s_sensitive_paths()
    {
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web", "old")), CancellationToken.None);
        var history = History();
        await history.BeginAsync(Plan(1, [Change(ConfigMapAddress("web"), ChangeAction.Update), Change(SecretAddress, ChangeAction.Create, ["data"])]), Start, CancellationToken.None);

        await history.RecordAppliedAsync("kubernetes", ConfigMap("web", "new").Applied, CancellationToken.None);
        await history.RecordAppliedAsync("kubernetes", Secret().Applied, CancellationToken.None);

        var saved = (await store.GetLatestAsync(CancellationToken.None))!;
        Assert.Equal(RevisionStatus.Pending, saved.Status);
        Assert.Equal(2, saved.Inventory.Length);
        Assert.Equal("hash-web-new", saved.Inventory.Single(e => e.Address.Name == "web").Applied.Fingerprint.Hash);
        Assert.Equal(["data"], saved.Inventory.Single(e => e.Address == SecretAddress).SensitivePaths.AsEnumerable());
    }

    [Fact]
    public async Task Records_go_to_the_journal_and_the_revision_is_written_whole_only_at_begin_and_complete()
    {
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("prune")), CancellationToken.None);
        var history = History();
        await history.BeginAsync(Plan(1, [Change(ConfigMapAddress("web"), ChangeAction.Create), Change(SecretAddress, ChangeAction.Create, ["data"]), Change(ConfigMapAddress("prune"), ChangeAction.Delete)]), Start, CancellationToken.None);

        await history.RecordAppliedAsync("kubernetes", ConfigMap("web").Applied, CancellationToken.None);
        await history.RecordAppliedAsync("kubernetes", Secret().Applied, CancellationToken.None);
        await history.RecordDeletedAsync(ConfigMapAddress("prune"), CancellationToken.None);

        Assert.Equal([1, 2], store.Saves.Select(r => r.Number));
        Assert.Equal(["applied web", "applied db", "deleted prune"], store.Appends.Select(a => $"{(a.Record is JournalRecord.Applied ? "applied" : "deleted")} {a.Record.Address.Name}"));
        Assert.All(store.Appends, a => Assert.Equal(2, a.Revision));
        Assert.Equal(["data"], store.Appends.Select(a => a.Record).OfType<JournalRecord.Applied>().Single(a => a.Address == SecretAddress).Entry.SensitivePaths.AsEnumerable());
        Assert.Equal(["web", "db"], history.Current!.Inventory.Select(e => e.Address.Name));

        var completed = await history.CompleteAsync(Result(Outcome("web", OutcomeKind.Applied)), CancellationToken.None);

        Assert.Equal([1, 2, 2, 1], store.Saves.Select(r => r.Number));
        Assert.Equal(["web", "db"], store.Saves[2].Inventory.Select(e => e.Address.Name));
        Assert.Equal(["web", "db"], completed.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task A_success_is_deployed_and_supersedes_the_previous_deployed_revision()
    {
        await store.SaveAsync(Revision(1, RevisionStatus.Superseded), CancellationToken.None);
        await store.SaveAsync(Revision(2, RevisionStatus.Deployed), CancellationToken.None);
        await store.SaveAsync(Revision(3, RevisionStatus.Failed), CancellationToken.None);
        var history = History();
        await history.BeginAsync(Plan(3, [Change(ConfigMapAddress("web"), ChangeAction.Create)]), Start, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(42));

        var completed = await history.CompleteAsync(Result(Outcome("web", OutcomeKind.Applied)), CancellationToken.None);

        Assert.Equal(RevisionStatus.Deployed, completed.Status);
        Assert.Equal(StateStoreSamples.Start.AddSeconds(42), completed.FinishedAt);
        Assert.Null(completed.Error);
        var statuses = (await store.ListAsync(CancellationToken.None)).Select(r => r.Status);
        Assert.Equal([RevisionStatus.Superseded, RevisionStatus.Superseded, RevisionStatus.Failed, RevisionStatus.Deployed], statuses);
    }

    [Fact]
    public async Task A_failure_is_failed_with_what_failed_and_keeps_the_deployed_revision()
    {
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed), CancellationToken.None);
        var history = History();
        await history.BeginAsync(Plan(1, []), Start, CancellationToken.None);
        var result = Result(
            Outcome("a", OutcomeKind.Applied),
            Outcome("b", OutcomeKind.Failed, "timed out waiting for rollout"),
            Outcome("c", OutcomeKind.Skipped),
            Outcome("d", OutcomeKind.Skipped));

        var completed = await history.CompleteAsync(result, CancellationToken.None);

        Assert.Equal(RevisionStatus.Failed, completed.Status);
        Assert.Equal("1 resource failed: ConfigMap/default/b: timed out waiting for rollout (2 resources skipped).", completed.Error);
        Assert.NotNull(completed.FinishedAt);
        Assert.Equal(RevisionStatus.Deployed, (await store.GetAsync(1, CancellationToken.None))!.Status);
        Assert.Equal(RevisionStatus.Failed, (await store.GetAsync(2, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_successful_destroy_is_destroyed()
    {
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web")), CancellationToken.None);
        var history = History();
        await history.BeginAsync(Plan(1, [Change(ConfigMapAddress("web"), ChangeAction.Delete)]), Start with { Operation = RevisionOperation.Destroy }, CancellationToken.None);
        await history.RecordDeletedAsync(ConfigMapAddress("web"), CancellationToken.None);

        var completed = await history.CompleteAsync(Result(Outcome("web", OutcomeKind.Deleted)), CancellationToken.None);

        Assert.Equal(RevisionStatus.Destroyed, completed.Status);
        Assert.Empty(completed.Inventory);
        Assert.Equal(RevisionStatus.Superseded, (await store.GetAsync(1, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Marks_an_abandoned_pending_revision_failed_keeping_its_inventory()
    {
        await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("web")), CancellationToken.None);
        await using var held = await store.LockAsync(Requester(), CancellationToken.None);

        var failed = await History().FailAbandonedAsync(held.AbandonedPending!, CancellationToken.None);

        var saved = (await store.GetAsync(1, CancellationToken.None))!;
        Assert.Equal(RevisionStatus.Failed, saved.Status);
        Assert.Equal(failed.Error, saved.Error);
        Assert.Single(saved.Inventory);
    }

    [Fact]
    public async Task Recording_before_a_revision_was_begun_is_a_bug()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => History().RecordDeletedAsync(ConfigMapAddress("web"), CancellationToken.None));
    }

    private RevisionHistory History() => new(store, clock);

    internal static Plan Plan(int? baseRevision, ImmutableArray<ResourceChange> changes) =>
        new("shop", "dev", baseRevision, Target, changes, []);

    internal static ResourceChange Change(ResourceAddress address, ChangeAction action, ImmutableArray<string> sensitivePaths = default) =>
        new(new PlannedChange(address, action, [], [], null, [], [], null, null), "kubernetes", [], sensitivePaths.IsDefault ? [] : sensitivePaths, null);

    private static ApplyResult Result(params ResourceOutcome[] outcomes) => new([.. outcomes]);

    private static ResourceOutcome Outcome(string name, OutcomeKind kind, string? error = null) =>
        new(ConfigMapAddress(name), kind, null, error, []);
}
