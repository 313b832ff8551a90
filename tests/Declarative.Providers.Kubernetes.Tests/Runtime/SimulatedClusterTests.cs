using System.Collections.Immutable;
using Declarative.Core.Providers;
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

    public async Task DisposeAsync() => await host.DisposeAsync();

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

    private async Task<AppliedResource> ApplyAsync(System.Text.Json.Nodes.JsonObject obj)
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
