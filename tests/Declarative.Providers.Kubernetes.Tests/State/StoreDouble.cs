using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.State;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.State;
using Declarative.Providers.Kubernetes.Tests.Client;
using Declarative.Testing;

namespace Declarative.Providers.Kubernetes.Tests.State;

/// <summary>
/// The API double over HTTPS (no controllers, so only the store writes), the real client, and stores of one
/// environment each: every test uses its own project name, so tests sharing the double never see each other's
/// Secrets. Clients are disposed with the double.
/// </summary>
internal sealed class StoreDouble : IAsyncDisposable
{
    public const string Namespace = "declarative-system";

    private readonly List<KubeClient> _clients = [];

    private StoreDouble(ApiServerHost host)
    {
        Host = host;
    }

    public ApiServerHost Host { get; }

    public TempDirectory Temp { get; } = new();

    public ImmediateTimeProvider RetryClock { get; } = new();

    public static async Task<StoreDouble> StartAsync() =>
        new(await ApiServerHost.StartAsync(new ApiServerOptions { RunControllers = false }, CancellationToken.None));

    public KubeClient Client(string? kubeconfigYaml = null)
    {
        var target = Config.KubeconfigLoader.Load(new Config.KubeconfigLoadOptions
        {
            ExplicitPath = Temp.Write("kubeconfig-" + Guid.NewGuid().ToString("N"), kubeconfigYaml ?? Host.KubeconfigYaml()),
            GetEnvironmentVariable = _ => null,
            HomeDirectory = Temp.Root,
        });
        var client = KubeClient.Create(target, new KubeClientOptions
        {
            Retry = new KubeRetryPolicy { Clock = RetryClock, Jitter = () => 0.5 },
            DiscoveryCacheDirectory = null,
        });
        _clients.Add(client);
        return client;
    }

    public KubernetesStateStore Store(string project, Func<KubernetesStateOptions, KubernetesStateOptions>? configure = null, KubeClient? client = null)
    {
        var options = new KubernetesStateOptions(Namespace, project, "dev") { ClusterName = "double", Key = StateSamples.Key };
        return new KubernetesStateStore(client ?? Client(), configure is null ? options : configure(options));
    }

    /// <summary>The environment's Secrets as the server holds them (one LIST by label, as the store reads them).</summary>
    public async Task<ImmutableArray<JsonObject>> SecretsAsync(string project, string? extraSelector = null) =>
        (await Client().ListAsync(StateApi.Secrets, Namespace, $"{StateLabels.Environment(project, "dev")}{(extraSelector is null ? string.Empty : "," + extraSelector)}", CancellationToken.None)).Items;

    public async Task<JsonObject?> LeaseAsync(string project) =>
        await Client().GetAsync(StateApi.Leases, Namespace, StateObjectNames.BaseOf(project, "dev"), CancellationToken.None);

    /// <summary>A Lease held by a run elsewhere, last renewed at <paramref name="renewed"/>.</summary>
    public async Task PlantLeaseAsync(string project, LockRecord holder, DateTimeOffset renewed, int durationSeconds = 60)
    {
        var client = Client();
        var lease = new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject { ["name"] = StateObjectNames.BaseOf(project, "dev"), ["namespace"] = Namespace },
            ["spec"] = LeaseState.HeldSpec(LeaseState.IdentityOf(holder), durationSeconds, renewed, 4),
        };
        await EnsureNamespaceAsync(client);
        await client.CreateAsync(StateApi.Leases, lease, new KubeCreateOptions(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
        Temp.Dispose();
    }

    private static async Task EnsureNamespaceAsync(KubeClient client)
    {
        if (await client.GetAsync(StateApi.Namespaces, null, Namespace, CancellationToken.None) is null)
        {
            await client.CreateAsync(StateApi.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = Namespace } }, new KubeCreateOptions(), CancellationToken.None);
        }
    }
}
