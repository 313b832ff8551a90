using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// PlanAsync (DESIGN "Plan"): compares live, desired and last applied on the paths of last applied ∪ desired, and asks
/// the server for a dry-run only where desired changed or live drifted. A create is checked with a dry-run too where
/// its namespace and kind already exist, so what the server would refuse fails the plan, not the apply, and what the
/// server would fill in is kept for <c>--verbose</c>. No writes.
/// </summary>
internal sealed class ChangePlanner(IKubeClient client, KubernetesProviderOptions options)
{
    public async Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, KubernetesPlanHints hints, CancellationToken cancellationToken)
    {
        var input = new PlanInput(desired, live, lastApplied);
        if (live is null)
        {
            var creates = input.Change(ChangeAction.Create, FieldDiffer.Diff(null, input.Desired, input.DiffOptions));
            if (hints.DependencyBeingCreated && !hints.Offline)
            {
                // Its Namespace or CRD comes with the same apply: the server checks it then.
                return creates with { ServerDefaultsUnknown = true };
            }

            if (!hints.Offline && desired.Unknowns.IsEmpty && options.DryRun != DryRunPolicy.Never)
            {
                var stored = await new CreateCheck(client, options).CheckAsync(desired, cancellationToken).ConfigureAwait(false);
                return creates with { ServerDefaults = ServerFilledFields.Of(input, stored) };
            }

            return creates;
        }

        var localDiffs = FieldDiffer.Diff(input.LiveAlignedTo(input.Desired), input.Desired, input.DiffOptions);
        var drift = input.DriftPaths();
        var notes = Notes(input, lastApplied);
        if (!input.DesiredChanged(localDiffs) && drift.IsEmpty)
        {
            return input.Change(ChangeAction.NoOp, []) with { Notes = notes };
        }

        var taken = new TakenFieldFinder(options.FieldManager, desired.IgnoredPaths, [.. desired.Unknowns.Select(u => u.Path)])
            .Find(input.Desired, input.LiveAlignedTo(input.Desired), JsonPointer.Get(live.Object, "/metadata/managedFields") as JsonArray);
        // An object that exists has its Namespace and CRD: a dependency being created does not stop its dry-run.
        if (!desired.Unknowns.IsEmpty || hints.Offline || options.DryRun == DryRunPolicy.Never)
        {
            var serverDefaultsUnknown = hints.Offline || options.DryRun == DryRunPolicy.Never;
            return input.Local(localDiffs, drift, taken, serverDefaultsUnknown) with { Notes = notes };
        }

        var change = await DryRunAsync(input, localDiffs, drift, taken, cancellationToken).ConfigureAwait(false);
        return change with { Notes = change.Action == ChangeAction.Replace ? [] : notes };
    }

    /// <summary>Fields live keeps because another manager set them and no manifest does; for an object this
    /// environment never applied, what adopting it does to the fields of client-side <c>kubectl apply</c>, whose
    /// own fields are then not "kept" (ApplyAsync takes them over).</summary>
    private ImmutableArray<ChangeNote> Notes(PlanInput input, AppliedResource? lastApplied)
    {
        var managedFields = JsonPointer.Get(input.LiveResource!.Object, "/metadata/managedFields") as JsonArray;
        var clientSide = lastApplied is null ? ClientSideApply.ManagersIn(managedFields) : [];
        var excluded = new HashSet<string>(KeptFieldFinder.ClusterManagers.Union(clientSide).Append(options.FieldManager), StringComparer.Ordinal);
        var kept = new KeptFieldFinder(excluded, input.Resource.IgnoredPaths, [.. input.Resource.Unknowns.Select(u => u.Path)])
            .Find(input.Desired, input.LiveAlignedTo(input.Desired), managedFields);
        return clientSide.IsEmpty
            ? kept
            : [new ChangeNote(null, $"adopting: the fields {string.Join(" and ", clientSide)} set become Declarative's; those the manifests do not set are removed or reset to their defaults, and the {ClientSideApply.LastAppliedAnnotation} annotation is dropped"), .. kept];
    }

    private async Task<PlannedChange> DryRunAsync(PlanInput input, ImmutableArray<FieldDiff> localDiffs, ImmutableArray<string> drift, ImmutableArray<TakenField> taken, CancellationToken cancellationToken)
    {
        JsonObject merged;
        try
        {
            var resource = await client.ResolveAsync(input.Resource.Type.ApiVersion, input.Resource.Type.Kind, cancellationToken).ConfigureAwait(false);
            var sent = ApplyObjects.ForUpdate(input.Resource.Object, input.Resource.IgnoredPaths);
            merged = await client.ApplyAsync(resource, sent, new KubeApplyOptions(options.FieldManager, options.ForceConflicts, DryRun: true), cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException error) when (ImmutableFieldChange.ReasonFor(error) is { } reason)
        {
            return input.Change(ChangeAction.Replace, localDiffs, drift, taken) with { ReplaceReason = reason };
        }
        catch (KubeApiException error) when (error.IsNotFound)
        {
            // The Namespace or the CRD is not there yet: the server cannot default the object.
            return input.Local(localDiffs, drift, taken, serverDefaultsUnknown: true);
        }
        catch (KubeApiException error)
        {
            throw new KubeApiException(error.Code, error.Reason, $"The dry-run of {input.Resource.Address} failed: {error.Message}", error.Causes, error.Status);
        }

        var normalizedMerged = ObjectNormalizer.Normalize(merged);
        var diffs = FieldDiffer.Diff(input.LiveAlignedTo(normalizedMerged), normalizedMerged, input.DiffOptions);
        return input.Change(diffs.IsEmpty ? ChangeAction.NoOp : ChangeAction.Update, diffs, drift, diffs.IsEmpty ? [] : taken);
    }
}
