using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>The three objects of one plan, normalized once, and the diff options they share.</summary>
internal sealed class PlanInput
{
    public PlanInput(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied)
    {
        Resource = desired;
        LiveResource = live;
        Desired = ObjectNormalizer.Normalize(desired.Object);
        LastApplied = lastApplied is null ? null : ObjectNormalizer.Normalize(lastApplied.Object);
        DiffOptions = new DiffOptions(
            Scope: LastApplied ?? new JsonObject(),
            SensitivePaths: desired.SensitivePaths,
            IgnoredPaths: desired.IgnoredPaths,
            UnknownPointers: [.. desired.Unknowns.Select(u => u.Path)]);
    }

    public DesiredResource Resource { get; }

    public LiveResource? LiveResource { get; }

    public JsonObject Desired { get; }

    public JsonObject? LastApplied { get; }

    public DiffOptions DiffOptions { get; }

    /// <summary>The normalized live object, spelling equal quantities the way <paramref name="reference"/> does.</summary>
    public JsonObject LiveAlignedTo(JsonObject reference)
    {
        var aligned = ObjectNormalizer.Normalize(LiveResource!.Object);
        ValueAligner.Align(aligned, reference);
        return aligned;
    }

    /// <summary>Where live differs from last applied, on the paths of last applied.</summary>
    public ImmutableArray<string> DriftPaths()
    {
        if (LastApplied is null)
        {
            return [];
        }

        var options = DiffOptions with { UnknownPointers = [] };
        return [.. FieldDiffer.Diff(LiveAlignedTo(LastApplied), LastApplied, options).Select(d => d.Path).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether desired differs from what was last applied (never applied: whether it differs from live).</summary>
    public bool DesiredChanged(ImmutableArray<FieldDiff> localDiffs) =>
        LastApplied is null
            ? !localDiffs.IsEmpty
            : !Resource.Unknowns.IsEmpty || !FieldDiffer.Diff(LastApplied, Desired, DiffOptions with { UnknownPointers = [] }).IsEmpty;

    public PlannedChange Local(ImmutableArray<FieldDiff> diffs, ImmutableArray<string> drift, ImmutableArray<TakenField> taken, bool serverDefaultsUnknown) =>
        Change(diffs.IsEmpty ? ChangeAction.NoOp : ChangeAction.Update, diffs, drift, diffs.IsEmpty ? [] : taken) with { ServerDefaultsUnknown = serverDefaultsUnknown };

    public PlannedChange Change(ChangeAction action, ImmutableArray<FieldDiff> diffs, ImmutableArray<string> drift = default, ImmutableArray<TakenField> taken = default) => new(
        Resource.Address,
        action,
        diffs,
        drift.IsDefault ? [] : drift,
        null,
        taken.IsDefault ? [] : taken,
        [.. Resource.Unknowns.Select(u => FieldPath.FromPointer(Resource.Object, u.Path)).Distinct().Order(StringComparer.Ordinal)],
        Resource,
        LiveResource);
}
