using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Testing;
using Declarative.Testing.Fakes;
using static Declarative.Core.Tests.Providers.SeamFixtures;

namespace Declarative.Core.Tests.Providers;

public sealed class ProviderSeamTests : IDisposable
{
    private readonly FakeProvider provider = new();

    // A stuck fake must fail the test, not hang the run.
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken token => timeout.Token;

    public void Dispose() => timeout.Dispose();

    [Fact]
    public async Task Reads_live_objects_and_orphans_in_one_call()
    {
        provider.Seed(Kubia, DeploymentType, DeploymentObject("kubia", "kubia:1"));
        provider.Seed(Deployment("old-worker"), DeploymentType, DeploymentObject("old-worker", "worker:1"));
        provider.Seed(Deployment("foreign"), DeploymentType, DeploymentObject("foreign", "nginx:1", owned: false));

        var read = await provider.ReadAsync([Kubia, Deployment("not-yet")], Owner, token);

        Assert.Equal([Kubia], read.Live.Keys);
        Assert.Equal([Deployment("old-worker")], read.Orphans.Select(o => o.Address));
        Assert.Equal([new FakeCall(FakeMethod.Read, null)], provider.Calls);
    }

    [Fact]
    public async Task Plans_create_update_and_no_op_with_the_field_diff()
    {
        var applied = DeploymentObject("kubia", "kubia:1");
        var lastApplied = new AppliedResource(Kubia, DeploymentType, applied, ResourceOutputs.Empty, FakeFingerprint.Of(applied));
        var live = provider.Seed(Kubia, DeploymentType, WithStatus(applied));

        var create = await provider.PlanAsync(Desired(applied), null, null, token);
        var update = await provider.PlanAsync(Desired(DeploymentObject("kubia", "kubia:2")), live, lastApplied, token);
        var noOp = await provider.PlanAsync(Desired(applied), live, lastApplied, token);

        Assert.Equal((ChangeAction.Create, ChangeAction.Update, ChangeAction.NoOp), (create.Action, update.Action, noOp.Action));
        var diff = Assert.Single(update.Diffs);
        Assert.Equal(("spec.template.spec.containers[name=web].image", "kubia:2"), (diff.Path, diff.After!.GetValue<string>()));
        Assert.Empty(noOp.Diffs);
    }

    [Fact]
    public async Task Plans_a_replace_with_its_reason_when_an_immutable_field_changes()
    {
        var live = provider.Seed(Kubia, DeploymentType, DeploymentObject("kubia", "kubia:1"));
        provider.MarkImmutable("spec.selector");
        var desired = DeploymentObject("kubia", "kubia:1");
        desired["spec"]!["selector"]!["matchLabels"]!["app"] = "kubia-v2";

        var change = await provider.PlanAsync(Desired(desired), live, null, token);

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Equal("spec.selector.matchLabels.app cannot be changed in place", change.ReplaceReason);
    }

    [Fact]
    public async Task Reports_drift_where_someone_changed_the_live_object()
    {
        var applied = DeploymentObject("kubia", "kubia:1", replicas: 2);
        var lastApplied = new AppliedResource(Kubia, DeploymentType, applied, ResourceOutputs.Empty, FakeFingerprint.Of(applied));
        var scaled = provider.Seed(Kubia, DeploymentType, WithStatus(DeploymentObject("kubia", "kubia:1", replicas: 5)));

        var change = await provider.PlanAsync(Desired(applied), scaled, lastApplied, token);

        Assert.Equal<string>(["spec.replicas"], change.DriftPaths);
        Assert.Equal((ChangeAction.Update, "spec.replicas"), (change.Action, Assert.Single(change.Diffs).Path));
    }

    [Fact]
    public async Task Applies_a_deployment_with_the_image_reference_its_dependency_returned()
    {
        const string Reference = "registry.local/kubia:in1-0a1b2c3d4e5f@sha256:9f86d08";
        provider.ReturnOutputs(KubiaImage, SeamFixtures.Reference(Reference));
        var desired = Desired(DeploymentObject("kubia", "${image:kubia}"), ImageUnknown());

        var plan = await provider.PlanAsync(desired, null, null, token);
        var image = await provider.ApplyAsync(await provider.PlanAsync(ImageDesired(), null, null, token), new Dictionary<ResourceAddress, ResourceOutputs>(), token);
        var applied = await provider.ApplyAsync(plan, new Dictionary<ResourceAddress, ResourceOutputs> { [KubiaImage] = image.Outputs }, token);

        Assert.Equal<string>(["spec.template.spec.containers[name=web].image"], plan.UnknownPaths);
        Assert.True(plan.Diffs.Single(d => d.Path.EndsWith(".image", StringComparison.Ordinal)).Unknown);
        Assert.Equal(Reference, Core.Providers.JsonPointer.Get(applied.Object, ImagePointer)!.GetValue<string>());
        Assert.Equal(Reference, Core.Providers.JsonPointer.Get(provider.Get(Kubia)!.Object, ImagePointer)!.GetValue<string>());
        Assert.Equal("${image:kubia}", Core.Providers.JsonPointer.Get(desired.Object, ImagePointer)!.GetValue<string>());
        Assert.Equal(FakeFingerprint.Of(applied.Object), applied.Fingerprint);
        Assert.Equal([FakeMethod.Plan, FakeMethod.Plan, FakeMethod.Apply, FakeMethod.Apply], provider.Calls.Select(c => c.Method));
        Assert.Equal([KubiaImage, Kubia], provider.Calls.Where(c => c.Method == FakeMethod.Apply).Select(c => c.Address));
    }

    [Fact]
    public async Task Waits_until_ready_and_reports_progress()
    {
        var progress = new RecordingProgress();

        var result = await provider.WaitAsync(await ApplyKubiaAsync(), DateTimeOffset.MaxValue, progress, token);

        Assert.True(result.Ready);
        Assert.Equal(Kubia, Assert.Single(progress.Reports).Address);
    }

    [Fact]
    public async Task Reports_a_failed_wait_with_its_reason_and_evidence()
    {
        provider.FailWait(Kubia, "ProgressDeadlineExceeded", "ReplicaSet kubia-5d4 has timed out progressing.", "web: exec format error");

        var result = await provider.WaitAsync(await ApplyKubiaAsync(), DateTimeOffset.MaxValue, new RecordingProgress(), token);

        Assert.False(result.Ready);
        Assert.Equal("ProgressDeadlineExceeded", result.Reason);
        Assert.Equal<string>(["ReplicaSet kubia-5d4 has timed out progressing.", "web: exec format error"], result.Evidence);
    }

    [Fact]
    public async Task Ends_a_stalled_wait_at_its_deadline_as_a_failed_result()
    {
        provider.Stall(FakeMethod.Wait, Kubia);

        var result = await provider.WaitAsync(await ApplyKubiaAsync(), DateTimeOffset.UnixEpoch, new RecordingProgress(), token);

        Assert.False(result.Ready);
    }

    [Fact]
    public async Task Fails_an_apply_when_told_to_and_leaves_nothing_behind()
    {
        provider.FailApply(Kubia, "admission webhook denied the request");
        var plan = await provider.PlanAsync(Desired(DeploymentObject("kubia", "kubia:1")), null, null, token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.ApplyAsync(plan, new Dictionary<ResourceAddress, ResourceOutputs>(), token));

        Assert.Equal("admission webhook denied the request", error.Message);
        Assert.Null(provider.Get(Kubia));
    }

    [Fact]
    public async Task Deletes_an_object_and_succeeds_when_it_is_already_gone()
    {
        var live = provider.Seed(Kubia, DeploymentType, DeploymentObject("kubia", "kubia:1"));

        await provider.DeleteAsync(live, new DeleteOptions(), token);
        await provider.DeleteAsync(live, new DeleteOptions(), token);

        Assert.Null(provider.Get(Kubia));
        Assert.Equal([FakeMethod.Delete, FakeMethod.Delete], provider.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Cancels_a_stalled_call_when_the_token_is_cancelled()
    {
        provider.Stall(FakeMethod.Apply);
        var plan = await provider.PlanAsync(Desired(DeploymentObject("kubia", "kubia:1")), null, null, token);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(token);

        var apply = provider.ApplyAsync(plan, new Dictionary<ResourceAddress, ResourceOutputs>(), cancellation.Token);
        await Task.Delay(20, token);
        var stalled = !apply.IsCompleted;
        await cancellation.CancelAsync();

        Assert.True(stalled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => apply);
        Assert.Null(provider.Get(Kubia));
    }

    [Fact]
    public async Task Applies_concurrently_without_losing_objects_or_calls()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"web-{i}").ToArray();

        await Parallel.ForEachAsync(names, token, async (name, ct) =>
        {
            var desired = new DesiredResource(Deployment(name), DeploymentType, DeploymentObject(name, "web:1"), [], [], []);
            await provider.ApplyAsync(await provider.PlanAsync(desired, null, null, ct), new Dictionary<ResourceAddress, ResourceOutputs>(), ct);
        });

        var read = await provider.ReadAsync([.. names.Select(Deployment)], Owner, token);
        Assert.Equal(names.Length, read.Live.Count);
        Assert.Equal(names.Length * 2 + 1, provider.Calls.Count);
    }

    private async Task<AppliedResource> ApplyKubiaAsync()
    {
        var plan = await provider.PlanAsync(Desired(DeploymentObject("kubia", "kubia:1")), null, null, token);
        return await provider.ApplyAsync(plan, new Dictionary<ResourceAddress, ResourceOutputs>(), token);
    }

    private sealed class RecordingProgress : IProgress<WaitProgress>
    {
        public List<WaitProgress> Reports { get; } = [];

        public void Report(WaitProgress value) => Reports.Add(value);
    }
}
