namespace Declarative.Kubernetes.ApiServer.Tests.Kubectl;

/// <summary>A fact that needs the real kubectl at /usr/bin/kubectl; skipped with a clear message where it is missing.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (!File.Exists(KubectlRunner.Path))
        {
            Skip = $"kubectl is not installed at {KubectlRunner.Path}; the kubectl fidelity run needs the real kubectl.";
        }
    }
}
