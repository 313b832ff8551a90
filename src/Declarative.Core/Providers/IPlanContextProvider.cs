namespace Declarative.Core.Providers;

/// <summary>What the engine knows about a resource's plan that the provider cannot see on its own.</summary>
/// <param name="DependencyBeingCreated">A dependency (a Namespace, a CRD) does not exist yet and is created by the same
/// apply: the provider cannot ask the server about this resource and plans it locally.</param>
/// <param name="Pinned">A rollback: what the target revision applied to this resource. Its outputs are to be reused
/// as they are (an Image's pinned reference: nothing is rebuilt).</param>
/// <param name="Offline">Plan from the objects alone, with no request to the server (`decl drift`: the same bulk reads as
/// plan and nothing more).</param>
public sealed record PlanContext(bool DependencyBeingCreated, AppliedResource? Pinned = null, bool Offline = false);

/// <summary>
/// An optional capability of a runtime provider (DESIGN: new capabilities come as extra interfaces): planning with
/// the engine's <see cref="PlanContext"/>. Providers without it get the plain <see cref="IResourceProvider.PlanAsync"/>.
/// </summary>
public interface IPlanContextProvider
{
    Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken);
}
