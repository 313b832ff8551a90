using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>
/// The single place where the provider's HTTPS tests get a real IKubeClient for the API double. The client is built in
/// a parallel branch; once it is merged, wire it here (e.g. KubeClient.Create(KubeconfigLoader.Load(...)) over a
/// kubeconfig file holding host.KubeconfigYaml()) and make IsWired true, which un-skips the tests.
/// </summary>
internal static class TestClients
{
    public static bool IsWired => false;

    public static IKubeClient ForDouble(ApiServerHost host) =>
        throw new NotImplementedException($"Wire the real Kubernetes client for the double at {host.Server} in TestClients.ForDouble.");
}
