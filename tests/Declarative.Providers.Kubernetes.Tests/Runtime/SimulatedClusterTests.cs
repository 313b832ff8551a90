using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>The provider against the double with its simulated controllers on: rollouts, failures and garbage
/// collection happen as on a cluster, sped up by the time scale.</summary>
public sealed class SimulatedClusterTests : IAsyncLifetime
{
    private static readonly ImmutableDictionary<ResourceAddress, ResourceOutputs> NoOutputs = ImmutableDictionary<ResourceAddress, ResourceOutputs>.Empty;
    private ApiServerHost host = null!;
    private KubernetesProvider provider = null!;

    public async Task InitializeAsync()
    {
        host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.02 }, CancellationToken.None);
        provider = new KubernetesProvider(TestClients.ForDouble(host), new KubernetesProviderOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
    }

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_deployment_is_ready_once_the_simulated_rollout_completes()
    {
        var applied = await ApplyAsync(Deployment(replicas: 3));
        var messages = new List<string>();

        var result = await provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(30), new SynchronousProgress(m => messages.Add(m.Message)), CancellationToken.None);

        Assert.True(result.Ready, string.Join("\n", result.Evidence));
        Assert.NotEmpty(messages);
    }

    [Fact]
    public async Task An_image_that_never_pulls_fails_with_the_progress_deadline_message()
    {
        var deployment = Deployment(image: "example/app:fail");
        deployment["spec"]!["progressDeadlineSeconds"] = 10;
        var applied = await ApplyAsync(deployment);

        var result = await provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(30), new SynchronousProgress(_ => { }), CancellationToken.None);

        Assert.False(result.Ready);
        Assert.Equal("ProgressDeadlineExceeded", result.Reason);
        Assert.Contains("has timed out progressing", string.Join("\n", result.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_deployment_waits_until_it_is_gone_and_its_replica_sets_go_with_it()
    {
        var applied = await ApplyAsync(Deployment(replicas: 1));
        Assert.True((await provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(30), new SynchronousProgress(_ => { }), CancellationToken.None)).Ready);
        var id = AddressOf(Deployment());
        var live = (await provider.ReadAsync([id], Owner, CancellationToken.None)).Live[id];

        await provider.DeleteAsync(live, new DeleteOptions(), CancellationToken.None);

        using var http = host.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/apis/apps/v1/namespaces/default/deployments/web", UriKind.Relative))).StatusCode);
        await Eventually(async () => !(await http.GetStringAsync(new Uri("/apis/apps/v1/namespaces/default/replicasets", UriKind.Relative))).Contains("\"web-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replacement_whose_selector_does_not_match_its_labels_leaves_the_running_deployment()
    {
        var (live, applied) = await ApplyReadyAsync(Deployment(replicas: 2));
        var change = await provider.PlanAsync(Desired(Relabelled(Deployment(replicas: 2), "web2", "web")), live, applied, CancellationToken.None);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => provider.ApplyAsync(change, NoOutputs, new ApplyContext(applied), CancellationToken.None));

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Equal(1, Occurrences(error.Message, "`selector` does not match template `labels`"));
        await AssertStillRunningAsync(live);
    }

    [Fact]
    public async Task A_replacement_the_server_refuses_is_found_by_a_dry_run_create_before_anything_is_deleted()
    {
        var (live, applied) = await ApplyReadyAsync(Deployment(replicas: 2));
        var refused = Relabelled(Deployment(replicas: 2), "web2", "web2");
        JsonPointer.Set(refused, "/spec/template/spec/restartPolicy", JsonValue.Create("Never"));
        var change = await provider.PlanAsync(Desired(refused), live, applied, CancellationToken.None);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => provider.ApplyAsync(change, NoOutputs, new ApplyContext(applied), CancellationToken.None));

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Equal(1, Occurrences(error.Message, "Unsupported value: \"Never\""));
        Assert.Contains("was not replaced", error.Message, StringComparison.Ordinal);
        await AssertStillRunningAsync(live);
    }

    [Fact]
    public async Task A_valid_replacement_of_an_immutable_selector_still_replaces_the_deployment()
    {
        var (live, applied) = await ApplyReadyAsync(Deployment(replicas: 2));
        var change = await provider.PlanAsync(Desired(Relabelled(Deployment(replicas: 2), "web2", "web2")), live, applied, CancellationToken.None);

        var replaced = await provider.ApplyAsync(change, NoOutputs, new ApplyContext(applied), CancellationToken.None);

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.NotEqual(live.Fingerprint.Uid, replaced.Outputs["uid"]);
        Assert.True((await provider.WaitAsync(replaced, DateTimeOffset.UtcNow.AddSeconds(30), new SynchronousProgress(_ => { }), CancellationToken.None)).Ready);
        var now = await ReadAsync();
        Assert.Equal("web2", JsonText.At(now.Object, "/spec/selector/matchLabels/app"));
    }

    private async Task<(LiveResource Live, AppliedResource Applied)> ApplyReadyAsync(JsonObject obj)
    {
        var applied = await ApplyAsync(obj);
        Assert.True((await provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(30), new SynchronousProgress(_ => { }), CancellationToken.None)).Ready);
        return (await ReadAsync(), applied);
    }

    private async Task<LiveResource> ReadAsync()
    {
        var id = AddressOf(Deployment());
        return (await provider.ReadAsync([id], Owner, CancellationToken.None)).Live[id];
    }

    /// <summary>The same Deployment (same uid) is there, with its replicas available.</summary>
    private async Task AssertStillRunningAsync(LiveResource before)
    {
        var now = await ReadAsync();
        Assert.Equal(before.Fingerprint.Uid, now.Fingerprint.Uid);
        Assert.Equal("web", JsonText.At(now.Object, "/spec/selector/matchLabels/app"));
        Assert.Equal(2, JsonPointer.Get(now.Object, "/status/availableReplicas")!.GetValue<int>());
    }

    private static JsonObject Relabelled(JsonObject deployment, string selectorApp, string templateApp)
    {
        var desired = With(deployment, "/spec/selector/matchLabels/app", JsonValue.Create(selectorApp));
        JsonPointer.Set(desired, "/spec/template/metadata/labels/app", JsonValue.Create(templateApp));
        return desired;
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private async Task<AppliedResource> ApplyAsync(JsonObject obj)
    {
        var create = await provider.PlanAsync(Desired(obj), null, null, CancellationToken.None);
        return await provider.ApplyAsync(create, NoOutputs, CancellationToken.None);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not become true within 20 s.");
            await Task.Delay(50);
        }
    }

    private sealed class SynchronousProgress(Action<WaitProgress> report) : IProgress<WaitProgress>
    {
        public void Report(WaitProgress value) => report(value);
    }
}
