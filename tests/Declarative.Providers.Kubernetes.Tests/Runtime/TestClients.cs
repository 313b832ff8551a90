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
        var directory = Directory.CreateTempSubdirectory("decl-kube-").FullName;
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, host.KubeconfigYaml());
        var target = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = path, GetEnvironmentVariable = _ => null, HomeDirectory = directory });
        return KubeClient.Create(target, new KubeClientOptions { DiscoveryCacheDirectory = Path.Combine(directory, "cache") });
    }
}
