using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>The real Kubernetes client for the API double, loaded from the kubeconfig the double writes.</summary>
internal static class TestClients
{
    public static bool IsWired => true;

    public static IKubeClient ForDouble(ApiServerHost host)
    {
        var (target, directory) = TargetFor(host);
        return KubeClient.Create(target, new KubeClientOptions { DiscoveryCacheDirectory = Path.Combine(directory, "cache") });
    }

    /// <summary>The double's kubeconfig loaded as a user's would be, from a fresh temporary folder (also its home).</summary>
    public static (KubeTarget Target, string Directory) TargetFor(ApiServerHost host)
    {
        var directory = Directory.CreateTempSubdirectory("decl-kube-").FullName;
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, host.KubeconfigYaml());
        return (KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = path, GetEnvironmentVariable = _ => null, HomeDirectory = directory }), directory);
    }
}
