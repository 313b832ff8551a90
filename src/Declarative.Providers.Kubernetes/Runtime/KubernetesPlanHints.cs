namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// What the engine knows about a resource's plan that the provider cannot see: that a dependency the server needs
/// for a dry-run (its Namespace, the CRD of its kind) is itself being created in the same plan, or that the plan is
/// made from the objects alone (<see cref="Offline"/>: `decl drift`, no request beyond the bulk reads). Passed to
/// <see cref="KubernetesProvider.PlanAsync(Declarative.Core.Providers.DesiredResource, Declarative.Core.Providers.LiveResource?, Declarative.Core.Providers.AppliedResource?, KubernetesPlanHints, CancellationToken)"/>.
/// </summary>
public sealed record KubernetesPlanHints(bool DependencyBeingCreated = false, bool Offline = false)
{
    public static KubernetesPlanHints None { get; } = new();
}
