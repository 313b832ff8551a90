namespace Declarative.Core.Providers;

/// <summary>
/// An optional capability of a runtime provider: releasing an object the environment stops owning without deleting
/// it (<c>declarative.dev/prune: disabled</c>): the provider removes Declarative's ownership labels, so no later run
/// and no drift check treats it as this environment's. Providers without it (Docker cannot change a container's
/// labels) leave the object as it is; the engine still takes it out of the inventory.
/// </summary>
public interface IReleaseProvider
{
    /// <summary>Removes the ownership labels (<see cref="Manifests.WellKnown.ManagedByLabel"/>, project and environment)
    /// from <paramref name="live"/>. An object that is already gone is released.</summary>
    Task ReleaseAsync(LiveResource live, CancellationToken cancellationToken);
}
