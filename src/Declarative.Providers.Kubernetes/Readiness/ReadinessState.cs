namespace Declarative.Providers.Kubernetes.Readiness;

/// <summary>One evaluation of an object against its kind's readiness rule: the phase, what it says for progress
/// ("Deployment web: 2 of 3 updated replicas available"), and for a failure the condition's reason.</summary>
public sealed record ReadinessState(ReadinessPhase Phase, string Message, string? Reason = null)
{
    public bool IsFinished => Phase != ReadinessPhase.Waiting;

    public static ReadinessState Ready(string message) => new(ReadinessPhase.Ready, message);

    public static ReadinessState Waiting(string message) => new(ReadinessPhase.Waiting, message);

    public static ReadinessState Failed(string reason, string message) => new(ReadinessPhase.Failed, message, reason);
}
