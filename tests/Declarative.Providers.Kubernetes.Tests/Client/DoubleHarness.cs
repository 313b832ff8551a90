using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;
using Declarative.Testing;

namespace Declarative.Providers.Kubernetes.Tests.Client;

/// <summary>The API double over HTTPS plus a temp directory for kubeconfigs, scripts and the discovery cache, and
/// a clock that makes retry waits instant.</summary>
internal sealed class DoubleHarness : IAsyncDisposable
{
    private DoubleHarness(ApiServerHost host)
    {
        Host = host;
    }

    public ApiServerHost Host { get; }

    public TempDirectory Temp { get; } = new();

    public ImmediateTimeProvider Clock { get; } = new();

    public KubeClientOptions Options => new()
    {
        Retry = new KubeRetryPolicy { Clock = Clock, Jitter = () => 0.5 },
        DiscoveryCacheDirectory = Temp.PathOf("cache"),
    };

    public static async Task<DoubleHarness> StartAsync(ApiServerOptions? options = null) =>
        new(await ApiServerHost.StartAsync(options ?? new ApiServerOptions { RunControllers = false }, CancellationToken.None));

    public KubeTarget Target(string? kubeconfigYaml = null, string? context = null) =>
        KubeconfigLoader.Load(new KubeconfigLoadOptions
        {
            ExplicitPath = Temp.Write("kubeconfig-" + Guid.NewGuid().ToString("N"), kubeconfigYaml ?? Host.KubeconfigYaml()),
            Context = context,
            GetEnvironmentVariable = _ => null,
            HomeDirectory = Temp.Root,
        });

    public KubeClient Client(string? kubeconfigYaml = null, KubeClientOptions? options = null) =>
        KubeClient.Create(Target(kubeconfigYaml), options ?? Options);

    public static JsonObject ConfigMap(string name, string ns = "default", string value = "v") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["data"] = new JsonObject { ["key"] = value },
    };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Temp.Dispose();
    }
}
