using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Testing;
using static Declarative.Core.Tests.Planning.Saved.SavedPlanSamples;

namespace Declarative.Core.Tests.Planning.Saved;

public sealed class SavedPlanCheckTests
{
    private readonly InMemoryStateStore _store = new("prod");
    private readonly FakeProvider _provider = new("kubernetes");

    [Fact]
    public async Task An_unchanged_world_leaves_the_plan_fresh()
    {
        var plan = await PlanOverLiveAsync(baseRevision: 1);

        Assert.Empty(await CheckAsync(plan));
    }

    [Fact]
    public async Task A_newer_revision_makes_the_plan_stale()
    {
        var plan = await PlanOverLiveAsync(baseRevision: 1);
        await _store.SaveAsync(RevisionNumbered(2), CancellationToken.None);

        var stale = Assert.Single(await CheckAsync(plan));

        Assert.Equal(("DCL304", "Saved plan is stale"), (stale.Code, stale.Summary));
        Assert.Equal("It was made from revision 1, and environment \"prod\" is now at revision 2.", stale.Detail[0]);
        Assert.StartsWith("Run decl plan again", stale.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_object_is_named_with_its_changed_paths_and_no_secret_value()
    {
        var plan = await PlanOverLiveAsync(baseRevision: 1);
        var edited = SecretObject("edited-by-hand-value");
        edited["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["team"] = "ops" };
        _provider.Seed(Secret, SecretType, edited);

        var stale = Assert.Single(await CheckAsync(plan));

        Assert.Equal("Secret/shop/db changed since the plan was made: metadata.labels, stringData.password.", stale.Detail[0]);
        Assert.DoesNotContain(stale.Detail, line => line.Contains("edited-by-hand-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_object_deleted_or_created_since_the_plan_makes_it_stale()
    {
        var plan = await PlanOverLiveAsync(baseRevision: 1);
        _provider.Remove(Secret);
        _provider.Seed(Web, DeploymentType, WebChange().Change.Desired!.Object);

        var stale = Assert.Single(await CheckAsync(plan));

        Assert.Contains("Secret/shop/db was deleted since the plan was made.", stale.Detail);
        Assert.Contains("Deployment.apps/shop/web was created by someone else since the plan was made.", stale.Detail);
    }

    private async Task<Plan> PlanOverLiveAsync(int baseRevision)
    {
        await _store.SaveAsync(RevisionNumbered(baseRevision), CancellationToken.None);
        var live = _provider.Seed(Secret, SecretType, SecretObject(LivePassword));
        var plan = SamplePlan(baseRevision).Plan;
        var secret = plan.Changes[0];
        return plan with { Changes = [secret with { Change = secret.Change with { Live = live } }, plan.Changes[1]] };
    }

    private Task<System.Collections.Immutable.ImmutableArray<Diagnostics.Diagnostic>> CheckAsync(Plan plan) =>
        SavedPlanCheck.CheckAsync(plan, _store, new Dictionary<string, IResourceProvider> { ["kubernetes"] = _provider }, plan.Target, CancellationToken.None);

    private static Revision RevisionNumbered(int number) => new(
        number, RevisionOperation.Apply, null, RevisionStatus.Deployed, "alice", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, "0.3.0",
        new TargetIdentity("https://10.0.0.1:6443", "prod-ctx", "shop", null), [], [], RevisionSummary.Empty, null);
}
