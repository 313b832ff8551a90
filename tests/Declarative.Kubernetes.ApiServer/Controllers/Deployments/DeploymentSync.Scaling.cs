using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>sync and scale (kubernetes pkg/controller/deployment/sync.go): a paused Deployment, or one whose
/// replicas changed without a template change, only resizes its ReplicaSets; proportionally while a rollout
/// is under way.</summary>
internal sealed partial class DeploymentSync
{
    /// <summary>isScalingEvent: an active ReplicaSet was sized for another replica count.</summary>
    private bool IsScalingEvent()
    {
        SyncRevision(create: false);
        return replicaSets.Where(ReplicaSets.IsActive)
            .Select(DeploymentAnnotations.DesiredReplicasOf)
            .Any(desired => desired is { } value && value != _spec.Replicas);
    }

    private void SyncScaleOnly()
    {
        var newRs = SyncRevision(create: false);
        ScaleReplicaSets(newRs);
        if (_spec.Paused)
        {
            CleanupHistory(newRs);
        }

        SyncDeploymentStatus(newRs is null ? null : Current(newRs));
    }

    private void ScaleReplicaSets(JsonObject? newRs)
    {
        var active = replicaSets.Where(ReplicaSets.IsActive).ToList();
        var only = active.Count switch
        {
            0 => newRs ?? OldReplicaSets(newRs).LastOrDefault(),
            1 => active[0],
            _ => null,
        };
        if (only is not null)
        {
            Scale(only, _spec.Replicas);
            return;
        }

        if (active.Count == 0)
        {
            return;
        }

        if (newRs is not null && IsSaturated(Current(newRs)))
        {
            foreach (var old in OldReplicaSets(newRs).Where(ReplicaSets.IsActive))
            {
                Scale(old, 0);
            }

            return;
        }

        if (!_spec.Recreate)
        {
            ScaleProportionally(active);
        }
    }

    private bool IsSaturated(JsonObject newRs) =>
        DeploymentAnnotations.DesiredReplicasOf(newRs) == _spec.Replicas
        && ReplicaSets.SpecReplicas(newRs) == _spec.Replicas
        && ReplicaSets.Available(newRs) == _spec.Replicas;

    /// <summary>The replicas added or removed are shared by the active ReplicaSets in proportion to their size;
    /// leftovers go to the largest (newest first when growing, oldest first when shrinking).</summary>
    private void ScaleProportionally(List<JsonObject> active)
    {
        var allowed = _spec.Replicas > 0 ? _spec.Replicas + _spec.MaxSurge : 0;
        var toAdd = allowed - ReplicaSets.TotalSpec(active);
        var ordered = toAdd >= 0
            ? ReplicaSets.OldestFirst(active).AsEnumerable().Reverse().OrderByDescending(ReplicaSets.SpecReplicas).ToList()
            : ReplicaSets.OldestFirst(active).OrderByDescending(ReplicaSets.SpecReplicas).ToList();
        var added = 0;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rs in ordered)
        {
            var proportion = toAdd == 0 ? 0 : Proportion(rs, toAdd, added);
            sizes[ObjectMeta.Name(rs)] = ReplicaSets.SpecReplicas(rs) + proportion;
            added += proportion;
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var name = ObjectMeta.Name(ordered[i]);
            if (i == 0 && toAdd != 0)
            {
                sizes[name] = Math.Max(0, sizes[name] + toAdd - added);
            }

            Scale(Current(ordered[i]), sizes[name]);
        }
    }

    private int Proportion(JsonObject rs, int toAdd, int added)
    {
        if (ReplicaSets.SpecReplicas(rs) == 0 || toAdd == added)
        {
            return 0;
        }

        int fraction;
        if (_spec.Replicas == 0)
        {
            fraction = -ReplicaSets.SpecReplicas(rs);
        }
        else
        {
            var before = DeploymentAnnotations.MaxReplicasOf(rs) is { } max and > 0 ? max : (int)Count(DeploymentStatus, "replicas");
            var size = before == 0 ? ReplicaSets.SpecReplicas(rs) : Math.Round((double)ReplicaSets.SpecReplicas(rs) * (_spec.Replicas + _spec.MaxSurge) / before, MidpointRounding.AwayFromZero);
            fraction = (int)size - ReplicaSets.SpecReplicas(rs);
        }

        var allowed = toAdd - added;
        return toAdd > 0 ? Math.Min(fraction, allowed) : Math.Max(fraction, allowed);
    }
}
