using Declarative.Core.Manifests;
using Declarative.Providers.Kubernetes.Config;

namespace Declarative.Cli;

/// <summary>
/// The middle step of the default namespace: the namespace of the kubeconfig context the environment uses
/// (--context, else the environment's context, else current-context). Reading kubeconfig is local; without one,
/// or with one that does not name a namespace, the step is skipped and "default" applies.
/// </summary>
internal static class KubeContextNamespace
{
    public static Func<EnvironmentDefinition, string?> For(IOContext io, string? kubeconfig, string? context) => environment =>
    {
        // Offline commands never fall back to an in-cluster service account.
        var options = KubeconfigOptions.For(io, kubeconfig, context, environment.Kubernetes?.Context) with
        {
            InClusterRoot = Path.Combine(Path.GetTempPath(), "declarative-no-in-cluster"),
        };
        try
        {
            var files = KubeconfigLoader.ReadFiles(options);
            return files.Count == 0 ? null : KubeconfigLoader.Load(options).Namespace;
        }
        catch (Exception error) when (error is KubeConfigException or IOException)
        {
            // An unusable kubeconfig is the plan's problem to report; offline commands fall back to "default".
            return null;
        }
    };
}
