using System.Collections.Immutable;
using Declarative.Core.Operations;
using Declarative.Core.Planning.Engine;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Planning;

/// <summary>
/// Builds the Plan (DESIGN "Plan"): desired resources with ownership labels, unknowns and sensitive/ignored paths;
/// live state read in bulk per provider; one PlannedChange per resource from its provider; prunes of what the base
/// revision owns and the project no longer has, ordered in reverse by the stored edges. docs/plan.md has the rules.
/// </summary>
public sealed class Planner(IReadOnlyDictionary<string, IResourceProvider> providers, IReadOnlyList<IKindCatalog> catalogs)
{
    /// <summary>How many provider PlanAsync calls run at once.</summary>
    public const int MaxConcurrentPlans = 16;

    public IReadOnlyDictionary<string, IResourceProvider> Providers => providers;

    public IReadOnlyList<IKindCatalog> Catalogs => catalogs;

    /// <param name="pinnedTo">A rollback's target revision: each resource is planned with what that revision applied to
    /// it as <see cref="PlanContext.Pinned"/>.</param>
    public Task<Plan> PlanAsync(EnvironmentModel model, Revision? baseRevision, TargetIdentity target, CancellationToken cancellationToken, Revision? pinnedTo = null) =>
        PlanWhileReadingBaseAsync(model, Task.FromResult(baseRevision), target, cancellationToken, pinnedTo);

    /// <summary>PlanAsync while the base revision is still being read: the live objects of the desired resources are
    /// read meanwhile (a large history takes as long to read as the cluster), and only the ids the base revision
    /// owns beyond them afterwards (none unless something is pruned).</summary>
    public async Task<Plan> PlanWhileReadingBaseAsync(EnvironmentModel model, Task<Revision?> baseRevisionRead, TargetIdentity target, CancellationToken cancellationToken, Revision? pinnedTo = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(baseRevisionRead);
        ArgumentNullException.ThrowIfNull(target);
        var graph = model.Graph;
        var owner = new OwnerSelector(model.Project.Name, model.Environment.Name);
        var desiredIds = graph.Resources.Select(r => (r.Provider, r.Address)).ToList();
        var desiredRead = LiveState.ReadAsync(providers, desiredIds, owner, cancellationToken);
        Revision? baseRevision;
        try
        {
            baseRevision = await baseRevisionRead.ConfigureAwait(false);
        }
        catch
        {
            await desiredRead.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        var inventory = new BaseInventory(baseRevision);
        var desiredSet = desiredIds.Select(id => id.Address).ToHashSet();
        var ownedBeyond = inventory.Entries.Where(e => !desiredSet.Contains(e.Address)).Select(e => (e.Provider, e.Address)).ToList();
        var live = await desiredRead.ConfigureAwait(false);
        if (ownedBeyond.Count > 0)
        {
            live = live.With(await LiveState.ReadAsync(providers, ownedBeyond, owner, cancellationToken).ConfigureAwait(false));
        }

        var factory = new DesiredResourceFactory(graph, catalogs, owner);
        var desired = await new DesiredChanges(providers, factory, live, inventory, MaxConcurrentPlans, new BaseInventory(pinnedTo))
            .PlanAsync(graph, cancellationToken).ConfigureAwait(false);
        var prunes = Prunes.Plan(inventory, desiredSet, live);
        prunes = await DeleteCascades.AddAsync(providers, prunes, desiredSet.Concat(inventory.Entries.Select(e => e.Address)).ToHashSet(), cancellationToken).ConfigureAwait(false);
        return new Plan(
            model.Project.Name,
            model.Environment.Name,
            baseRevision?.Number,
            target,
            desired.AddRange(prunes),
            graph.Edges.IsDefault ? ImmutableArray<Graph.Edge>.Empty : graph.Edges);
    }
}
