using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>rolloutRolling and rolloutRecreate (kubernetes pkg/controller/deployment/rolling.go, recreate.go).</summary>
internal sealed partial class DeploymentSync
{
    private TimeSpan? RolloutRolling()
    {
        var newRs = SyncRevision(create: true)!;
        if (!ReconcileNewReplicaSet(newRs) && !ReconcileOldReplicaSets(Current(newRs)) && IsComplete(DeploymentStatus))
        {
            CleanupHistory(newRs);
        }

        return SyncRolloutStatus(Current(newRs));
    }

    private TimeSpan? RolloutRecreate()
    {
        var newRs = SyncRevision(create: false);
        var scaledDown = false;
        foreach (var old in OldReplicaSets(newRs).Where(ReplicaSets.IsActive))
        {
            scaledDown |= Scale(old, 0);
        }

        // Old pods must be gone before the new ones start.
        if (scaledDown || OldReplicaSets(newRs).Any(rs => ReplicaSets.StatusReplicas(rs) > 0))
        {
            return SyncRolloutStatus(newRs is null ? null : Current(newRs));
        }

        newRs ??= SyncRevision(create: true)!;
        Scale(Current(newRs), _spec.Replicas);
        if (IsComplete(DeploymentStatus))
        {
            CleanupHistory(newRs);
        }

        return SyncRolloutStatus(Current(newRs));
    }

    private bool ReconcileNewReplicaSet(JsonObject newRs)
    {
        var replicas = ReplicaSets.SpecReplicas(newRs);
        if (replicas == _spec.Replicas)
        {
            return false;
        }

        return replicas > _spec.Replicas
            ? Scale(newRs, _spec.Replicas)
            : Scale(newRs, NewReplicaSetReplicas(newRs, replicaSets));
    }

    private bool ReconcileOldReplicaSets(JsonObject newRs)
    {
        if (ReplicaSets.TotalSpec(OldReplicaSets(newRs)) == 0)
        {
            return false;
        }

        var newUnavailable = ReplicaSets.SpecReplicas(newRs) - ReplicaSets.EffectiveAvailable(newRs);
        var maxScaledDown = ReplicaSets.TotalSpec(replicaSets) - _spec.MinAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return false;
        }

        var cleaned = CleanupUnhealthyReplicas(newRs, maxScaledDown);
        var scaledDown = ScaleDownOldReplicaSets(newRs);
        return cleaned + scaledDown > 0;
    }

    /// <summary>Old ReplicaSets' unavailable pods go first: they would otherwise block the rollout.</summary>
    private int CleanupUnhealthyReplicas(JsonObject newRs, int maxCleanup)
    {
        var total = 0;
        foreach (var old in OldReplicaSets(newRs))
        {
            if (total >= maxCleanup)
            {
                break;
            }

            var replicas = ReplicaSets.SpecReplicas(old);
            var unhealthy = replicas - ReplicaSets.EffectiveAvailable(old);
            if (replicas == 0 || unhealthy == 0)
            {
                continue;
            }

            var count = Math.Min(maxCleanup - total, unhealthy);
            Scale(old, replicas - count);
            total += count;
        }

        return total;
    }

    private int ScaleDownOldReplicaSets(JsonObject newRs)
    {
        var available = replicaSets.Sum(ReplicaSets.EffectiveAvailable);
        if (available <= _spec.MinAvailable)
        {
            return 0;
        }

        var toScaleDown = available - _spec.MinAvailable;
        var total = 0;
        foreach (var old in OldReplicaSets(newRs))
        {
            if (total >= toScaleDown)
            {
                break;
            }

            var replicas = ReplicaSets.SpecReplicas(old);
            if (replicas == 0)
            {
                continue;
            }

            var count = Math.Min(replicas, toScaleDown - total);
            Scale(old, replicas - count);
            total += count;
        }

        return total;
    }

    /// <summary>cleanupDeployment: old ReplicaSets beyond revisionHistoryLimit go, lowest revision first, once
    /// they are scaled to zero and fully observed.</summary>
    private void CleanupHistory(JsonObject? newRs)
    {
        if (_spec.RevisionHistoryLimit is not { } limit)
        {
            return;
        }

        var cleanable = OldReplicaSets(newRs).Where(rs => !ObjectMeta.IsDeleting(rs)).OrderBy(ReplicaSets.Revision).ToList();
        var excess = cleanable.Count - limit;
        foreach (var rs in cleanable.Take(Math.Max(0, excess)))
        {
            if (ReplicaSets.StatusReplicas(rs) != 0 || ReplicaSets.SpecReplicas(rs) != 0 || ObjectMeta.Generation(rs) > ReplicaSets.ObservedGeneration(rs))
            {
                continue;
            }

            if (context.Delete(KeyOf(rs)))
            {
                replicaSets.RemoveAll(r => ObjectMeta.Name(r) == ObjectMeta.Name(rs));
            }
        }
    }
}
