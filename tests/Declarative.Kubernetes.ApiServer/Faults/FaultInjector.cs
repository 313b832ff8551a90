namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>Failures a test switches on: latency, 429/500/503 shares per verb, 401/403, expired continue tokens,
/// dropped connections, watch off, read-only mode.</summary>
public sealed class FaultInjector
{
}
