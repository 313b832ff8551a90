using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Operations;

/// <summary>
/// `decl plan`: the environment's model, its last revision and the live state give a Plan. Objects that exist but
/// are not ours (no ownership labels, never applied by us) are an error unless adoption was asked for.
/// </summary>
public sealed class PlanOperation(Planner planner, IStateStore store)
{
    /// <param name="pinnedTo">A rollback's target revision (its outputs are reused; nothing is rebuilt).</param>
    /// <param name="force">Delete objects marked <c>declarative.dev/delete-protection: enabled</c> all the same.</param>
    /// <param name="allowCascade">Delete a Namespace or CRD even when objects the environment does not own go with it.</param>
    /// <param name="baseRead">The latest revision, already being read (a plan that takes no lock); null reads it now.</param>
    public async Task<StageResult<Plan?>> RunAsync(EnvironmentModel model, TargetIdentity target, bool adopt, CancellationToken cancellationToken, Revision? pinnedTo = null, bool force = false, bool allowCascade = false, Task<Revision?>? baseRead = null)
    {
        // The history is read while the planner reads the cluster.
        baseRead ??= store.GetLatestAsync(cancellationToken);
        Plan plan;
        try
        {
            plan = await planner.PlanWhileReadingBaseAsync(model, baseRead, target, cancellationToken, pinnedTo);
        }
        catch (Planning.Engine.PlanRefusedException refused)
        {
            return new StageResult<Plan?>(null, refused.Refusals);
        }

        var foreign = adopt ? [] : ForeignObjects(plan, model.Project.Name, model.Environment.Name);
        var protectedDeletes = force ? [] : ProtectedDeletes(plan);
        var cascades = allowCascade ? [] : CascadingDeletes(plan);
        return new StageResult<Plan?>(plan, [.. foreign, .. protectedDeletes, .. cascades]);
    }

    /// <summary>A delete (prune, destroy, the prune of a rollback) of an object whose last applied state says
    /// <c>declarative.dev/delete-protection: enabled</c> is refused before anything changes, unless --force.</summary>
    private static IEnumerable<Diagnostic> ProtectedDeletes(Plan plan) =>
        plan.Changes
            .Where(c => c.Action == ChangeAction.Delete && c.LastApplied is { } last && Planning.Engine.Annotations.DeleteProtected(last.Object))
            .Select(c => Diagnostic.Error(
                DiagnosticCodes.DeleteProtected,
                "Object is protected from deletion",
                null,
                $"{c.Address} carries declarative.dev/delete-protection: enabled, and this run would delete it. Nothing was changed.",
                "Pass --force to delete it anyway, or remove the annotation, apply, and run again."));

    /// <summary>A delete that would take objects the environment does not own with it (a Namespace's contents, a CRD's
    /// custom resources) is refused before anything changes, unless --allow-cascade.</summary>
    private static IEnumerable<Diagnostic> CascadingDeletes(Plan plan) =>
        plan.Changes
            .Where(c => c.Action == ChangeAction.Delete && c.Change.Cascade is { IsEmpty: false })
            .Select(c => Diagnostic.Error(
                DiagnosticCodes.DeleteCascades,
                "Deleting this object would delete objects Declarative does not own",
                null,
                $"Deleting {c.Address} would also delete {c.Change.Cascade!.Describe()}. Nothing was changed.",
                "Pass --allow-cascade to delete them with it, or move them out first."));

    /// <summary>The revision whose inventory is ours: the newest that recorded anything (a failed run still owns
    /// what it created).</summary>
    public static Revision? BaseOf(Revision? latest) => latest;

    private static IEnumerable<Diagnostic> ForeignObjects(Plan plan, string project, string environment)
    {
        var owner = new OwnerSelector(project, environment);
        foreach (var change in plan.Changes.Where(c => c.LastApplied is null && c.Change.Live is not null && c.Action != ChangeAction.Delete))
        {
            var labels = change.Change.Live!.Object["metadata"]?["labels"] as System.Text.Json.Nodes.JsonObject;
            var ours = owner.Labels.All(l => labels?[l.Key]?.ToString() == l.Value);
            if (!ours)
            {
                yield return Diagnostic.Error(
                    DiagnosticCodes.ForeignObject,
                    "Object exists and is not managed by this environment",
                    null,
                    $"{change.Address} already exists without the labels of project \"{project}\", environment \"{environment}\".",
                    "Pass --adopt to take it over, or rename the resource.");
            }
        }
    }
}
