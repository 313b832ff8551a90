namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>A test over HTTPS against the API double with the real client: skipped until TestClients is wired.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DoubleFactAttribute : FactAttribute
{
    public DoubleFactAttribute()
    {
        if (!TestClients.IsWired)
        {
            Skip = "The real IKubeClient is not wired into TestClients.ForDouble yet.";
        }
    }
}
