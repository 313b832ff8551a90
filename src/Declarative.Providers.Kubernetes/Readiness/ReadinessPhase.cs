namespace Declarative.Providers.Kubernetes.Readiness;

public enum ReadinessPhase
{
    Waiting,
    Ready,
    Failed,
}
