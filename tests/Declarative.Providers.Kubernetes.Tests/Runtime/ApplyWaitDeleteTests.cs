using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

public sealed class ApplyWaitDeleteTests : IDisposable
{
    private static readonly ImmutableDictionary<ResourceAddress, ResourceOutputs> NoOutputs = ImmutableDictionary<ResourceAddress, ResourceOutputs>.Empty;
    private readonly FakeKubeClient client = new();
    private readonly KubernetesProvider provider;

    public ApplyWaitDeleteTests() => provider = new KubernetesProvider(client, new KubernetesProviderOptions { PollInterval = TimeSpan.FromMilliseconds(10) });

    public void Dispose() => provider.Dispose();

    [Fact]
    public async Task Apply_resolves_unknowns_and_returns_uid_resource_version_and_fingerprint()
    {
        var image = new ResourceAddress(string.Empty, "declarative.dev", "Image", null, "web");
        var unknown = new UnknownValue("/spec/template/spec/containers/0/image", "${image:web}", [new Unknown("image", "web", image, "reference")]);
        var change = await provider.PlanAsync(Desired(Deployment(image: "${image:web}"), unknowns: [unknown]), null, null, CancellationToken.None);
        var outputs = NoOutputs.Add(image, new ResourceOutputs(ImmutableSortedDictionary<string, string>.Empty.Add("reference", "reg/web:1@sha256:abc")));

        var applied = await provider.ApplyAsync(change, outputs, CancellationToken.None);

        var stored = client.Stored("apps", "Deployment", "default", "web")!;
        Assert.Equal("reg/web:1@sha256:abc", JsonText.At(stored, "/spec/template/spec/containers/0/image"));
        Assert.Equal("reg/web:1@sha256:abc", JsonText.At(applied.Object, "/spec/template/spec/containers/0/image"));
        Assert.Equal(JsonText.At(stored, "/metadata/uid"), applied.Outputs["uid"]);
        Assert.Equal(JsonText.At(stored, "/metadata/resourceVersion"), applied.Outputs["resourceVersion"]);
        Assert.Equal(applied.Outputs["uid"], applied.Fingerprint.Uid);
    }

    [Fact]
    public async Task A_replace_deletes_the_object_waits_until_it_is_gone_and_applies_it_again()
    {
        var created = await provider.ApplyAsync(await provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None), NoOutputs, CancellationToken.None);
        var live = Live(client.Stored("apps", "Deployment", "default", "web")!);
        var change = await provider.PlanAsync(Desired(Relabelled("web2", "web2")), live, created, CancellationToken.None);
        client.GetsUntilGone = 2;

        var replaced = await provider.ApplyAsync(change, NoOutputs, new ApplyContext(created), CancellationToken.None);

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Equal(1, client.Deletes);
        Assert.NotEqual(created.Outputs["uid"], replaced.Outputs["uid"]);
        Assert.Equal("web2", JsonText.At(client.Stored("apps", "Deployment", "default", "web")!, "/spec/selector/matchLabels/app"));
    }

    [Fact]
    public async Task A_replacement_whose_selector_does_not_select_its_template_deletes_nothing()
    {
        var created = await provider.ApplyAsync(await provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None), NoOutputs, CancellationToken.None);
        var live = Live(client.Stored("apps", "Deployment", "default", "web")!);
        var change = await provider.PlanAsync(Desired(Relabelled("web2", "web")), live, created, CancellationToken.None);
        client.ResetCounts();

        var error = await Assert.ThrowsAsync<KubeApiException>(() => provider.ApplyAsync(change, NoOutputs, new ApplyContext(created), CancellationToken.None));

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Equal((0, 0, 0), (client.Deletes, client.Applies, client.DryRuns));
        Assert.Equal(1, Occurrences(error.Message, "`selector` does not match template `labels`"));
        Assert.Contains("was not replaced", error.Message, StringComparison.Ordinal);
        Assert.Equal(created.Outputs["uid"], JsonText.At(client.Stored("apps", "Deployment", "default", "web")!, "/metadata/uid"));
    }

    [Fact]
    public async Task A_replacement_refused_after_the_delete_is_created_again_from_the_last_applied_state()
    {
        var created = await provider.ApplyAsync(await provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None), NoOutputs, CancellationToken.None);
        var live = Live(client.Stored("apps", "Deployment", "default", "web")!);
        var change = await provider.PlanAsync(Desired(Relabelled("web2", "web2")), live, created, CancellationToken.None);
        client.RefuseApply = obj => JsonText.At(obj, "/spec/selector/matchLabels/app") == "web2" ? QuotaExceeded() : null;

        var error = await Assert.ThrowsAsync<KubeApiException>(() => provider.ApplyAsync(change, NoOutputs, new ApplyContext(created), CancellationToken.None));

        var restored = client.Stored("apps", "Deployment", "default", "web")!;
        Assert.Equal("web", JsonText.At(restored, "/spec/selector/matchLabels/app"));
        Assert.Equal(1, client.Deletes);
        Assert.Equal(1, Occurrences(error.Message, "exceeded quota"));
        Assert.Contains("was created again from its last applied state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_last_applied_state_the_previous_object_is_created_again_from_the_live_one()
    {
        client.Seed(Deployment(replicas: 4));
        var live = Live(client.Stored("apps", "Deployment", "default", "web")!);
        var change = await provider.PlanAsync(Desired(Relabelled("web2", "web2")), live, null, CancellationToken.None);
        client.RefuseApply = obj => JsonText.At(obj, "/spec/selector/matchLabels/app") == "web2" ? QuotaExceeded() : null;

        var error = await Assert.ThrowsAsync<KubeApiException>(() => provider.ApplyAsync(change, NoOutputs, CancellationToken.None));

        var restored = client.Stored("apps", "Deployment", "default", "web")!;
        Assert.Equal(("web", "4"), (JsonText.At(restored, "/spec/selector/matchLabels/app"), JsonPointer.Get(restored, "/spec/replicas")!.ToJsonString()));
        Assert.Contains("was created again from the live object as it was", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_previous_object_cannot_be_created_again_either_the_error_says_both_and_that_it_is_gone()
    {
        var created = await provider.ApplyAsync(await provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None), NoOutputs, CancellationToken.None);
        var live = Live(client.Stored("apps", "Deployment", "default", "web")!);
        var change = await provider.PlanAsync(Desired(Relabelled("web2", "web2")), live, created, CancellationToken.None);
        client.RefuseApply = _ => QuotaExceeded();

        var error = await Assert.ThrowsAsync<KubeApiException>(() => provider.ApplyAsync(change, NoOutputs, new ApplyContext(created), CancellationToken.None));

        Assert.Null(client.Stored("apps", "Deployment", "default", "web"));
        Assert.Equal(2, Occurrences(error.Message, "exceeded quota"));
        Assert.Contains("failed too", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist now", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_succeeds_once_the_controller_reports_the_rollout_and_says_what_it_awaits()
    {
        var applied = await provider.ApplyAsync(await provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None), NoOutputs, CancellationToken.None);
        var gets = 0;
        client.OnGet = stored => stored["status"] = ++gets < 3
            ? Status(stored, updated: 3, available: 2)
            : Status(stored, updated: 3, available: 3);
        var messages = new List<string>();

        var result = await provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(30), new SyncProgress(messages), CancellationToken.None);

        Assert.True(result.Ready);
        Assert.Equal(["Deployment web: 2 of 3 updated replicas available", "Deployment web: rolled out, 3 of 3 replicas available"], messages);
    }

    [Fact]
    public async Task Wait_fails_with_the_condition_message_on_progress_deadline_exceeded()
    {
        var applied = await provider.ApplyAsync(await provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None), NoOutputs, CancellationToken.None);
        client.OnGet = stored =>
        {
            var status = Status(stored, updated: 1, available: 0);
            status["conditions"] = JsonNode.Parse("""[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded","message":"ReplicaSet \"web-1\" has timed out progressing."}]""");
            stored["status"] = status;
        };

        var result = await provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(30), new SyncProgress([]), CancellationToken.None);

        Assert.False(result.Ready);
        Assert.Equal("ProgressDeadlineExceeded", result.Reason);
        Assert.Contains("ReplicaSet \"web-1\" has timed out progressing.", Assert.Single(result.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_that_reaches_its_deadline_is_a_failed_result_with_the_last_observed_state()
    {
        var applied = await provider.ApplyAsync(await provider.PlanAsync(Desired(Deployment()), null, null, CancellationToken.None), NoOutputs, CancellationToken.None);
        client.OnGet = stored => stored["status"] = Status(stored, updated: 3, available: 1);

        var result = await provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddMilliseconds(200), new SyncProgress([]), CancellationToken.None);

        Assert.Equal((false, "Timeout"), (result.Ready, result.Reason));
        Assert.Contains("1 of 3 updated replicas available", Assert.Single(result.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_none_returns_at_once_without_a_request()
    {
        var job = Parse("""{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"migrate","namespace":"default","annotations":{"declarative.dev/wait":"none"}}}""");

        var result = await provider.WaitAsync(Applied(job), DateTimeOffset.UtcNow.AddSeconds(30), new SyncProgress([]), CancellationToken.None);

        Assert.True(result.Ready);
        Assert.Equal(0, client.Requests);
    }

    [Fact]
    public async Task Delete_returns_only_once_the_object_is_gone()
    {
        client.Seed(Deployment());
        var live = Live(client.Stored("apps", "Deployment", "default", "web")!);
        client.GetsUntilGone = 3;

        await provider.DeleteAsync(live, new DeleteOptions(), CancellationToken.None);

        Assert.Null(client.Stored("apps", "Deployment", "default", "web"));
        Assert.True(client.Lists >= 3);
    }

    [Fact]
    public async Task Deleting_an_object_that_is_already_gone_succeeds()
    {
        await provider.DeleteAsync(Live(Deployment()), new DeleteOptions(), CancellationToken.None);

        Assert.Equal((1, 0), (client.Deletes, client.Gets));
    }

    /// <summary>The Deployment with its selector and its pod template's labels set to the given app names.</summary>
    private static JsonObject Relabelled(string selectorApp, string templateApp)
    {
        var desired = With(Deployment(), "/spec/selector/matchLabels/app", JsonValue.Create(selectorApp));
        JsonPointer.Set(desired, "/spec/template/metadata/labels/app", JsonValue.Create(templateApp));
        return desired;
    }

    private static KubeApiException QuotaExceeded() => new(
        403,
        "Forbidden",
        "Cannot apply deployments.apps \"web\": deployments.apps \"web\" is forbidden: exceeded quota: compute, requested: count/deployments.apps=1. Check the cluster and try again.",
        status: new JsonObject { ["message"] = "deployments.apps \"web\" is forbidden: exceeded quota: compute, requested: count/deployments.apps=1" });

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static JsonObject Status(JsonObject stored, int updated, int available) => new()
    {
        ["observedGeneration"] = stored["metadata"]!["generation"]!.DeepClone(),
        ["replicas"] = updated,
        ["updatedReplicas"] = updated,
        ["availableReplicas"] = available,
    };

    private sealed class SyncProgress(List<string> messages) : IProgress<WaitProgress>
    {
        public void Report(WaitProgress value) => messages.Add(value.Message);
    }
}
