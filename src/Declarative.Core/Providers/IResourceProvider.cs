namespace Declarative.Core.Providers;

/// <summary>
/// The runtime half of a provider: the only code that talks to the outside world. docs/provider-contract.md
/// states what each member guarantees. New capabilities arrive as optional extra interfaces, never as new
/// members here. Every method honours its CancellationToken.
/// </summary>
public interface IResourceProvider
{
    string Name { get; }

    /// <summary>Reads in bulk: the live objects named by <paramref name="ids"/>, and the objects carrying
    /// <paramref name="owner"/>'s labels that no id names (orphans).</summary>
    Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken);

    /// <summary>Decides the change for one resource from desired, live (null: does not exist) and last applied
    /// (null: never applied by us). No side effects.</summary>
    Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken);

    /// <summary>Carries out a create, update or replace. <paramref name="dependencyOutputs"/> resolves the change's
    /// unknowns. Returns what was applied, its outputs and new fingerprint. Does not wait for readiness.</summary>
    Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, CancellationToken cancellationToken);

    /// <summary>Waits until <paramref name="applied"/> is ready or <paramref name="deadline"/> passes; a timeout is
    /// a failed result, not an exception.</summary>
    Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken);

    /// <summary>Deletes the object; with <see cref="DeleteOptions.WaitUntilGone"/> returns only once it is gone.
    /// Deleting an object that is already gone succeeds.</summary>
    Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken);
}
