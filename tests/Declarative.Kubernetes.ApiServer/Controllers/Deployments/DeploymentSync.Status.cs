using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>calculateStatus and syncRolloutStatus (kubernetes pkg/controller/deployment/sync.go, progress.go):
/// counters from the ReplicaSets, the Available condition, and the Progressing condition with its deadline.</summary>
internal sealed partial class DeploymentSync
{
    private static readonly TimeSpan DeadlineSlack = TimeSpan.FromMilliseconds(5);

    /// <summary>Counters are omitted when zero, as Go's omitempty writes them.</summary>
    private JsonObject CalculateStatus(JsonObject? newRs)
    {
        var available = replicaSets.Sum(ReplicaSets.Available);
        var status = new JsonObject();
        AddNonZero(status, "observedGeneration", ObjectMeta.Generation(_deployment));
        AddNonZero(status, "replicas", replicaSets.Sum(ReplicaSets.StatusReplicas));
        AddNonZero(status, "updatedReplicas", newRs is null ? 0 : ReplicaSets.StatusReplicas(newRs));
        AddNonZero(status, "readyReplicas", replicaSets.Sum(ReplicaSets.Ready));
        AddNonZero(status, "availableReplicas", available);
        AddNonZero(status, "unavailableReplicas", Math.Max(0, ReplicaSets.TotalSpec(replicaSets) - available));
        if (DeploymentStatus["conditions"] is JsonArray conditions)
        {
            status["conditions"] = conditions.DeepClone();
        }

        if (DeploymentStatus["collisionCount"] is { } collisions)
        {
            status["collisionCount"] = collisions.DeepClone();
        }

        var condition = available >= _spec.MinAvailable
            ? DeploymentConditions.New(DeploymentConditions.Available, "True", DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", context.Now)
            : DeploymentConditions.New(DeploymentConditions.Available, "False", DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", context.Now);
        DeploymentConditions.Set(status, condition);
        return status;
    }

    private void SyncDeploymentStatus(JsonObject? newRs)
    {
        var status = CalculateStatus(newRs);
        if (!JsonNode.DeepEquals(DeploymentStatus, status))
        {
            WriteDeployment(status);
        }
    }

    private TimeSpan? SyncRolloutStatus(JsonObject? newRs)
    {
        var status = CalculateStatus(newRs);
        if (!_spec.HasProgressDeadline)
        {
            DeploymentConditions.Remove(status, DeploymentConditions.Progressing);
        }

        var current = DeploymentConditions.Get(status, DeploymentConditions.Progressing);
        var complete = Count(status, "replicas") == Count(status, "updatedReplicas")
            && current is not null && DeploymentConditions.Text(current, "reason") == DeploymentConditions.NewReplicaSetAvailable;
        if (_spec.HasProgressDeadline && !complete)
        {
            UpdateProgressing(status, current, newRs);
        }

        if (!JsonNode.DeepEquals(DeploymentStatus, status))
        {
            WriteDeployment(status);
        }

        return UntilDeadline(status);
    }

    private void UpdateProgressing(JsonObject status, JsonObject? current, JsonObject? newRs)
    {
        var subject = newRs is null ? $"Deployment \"{DeploymentName}\"" : $"ReplicaSet \"{ObjectMeta.Name(newRs)}\"";
        if (IsComplete(status))
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.NewReplicaSetAvailable, $"{subject} has successfully progressed.", context.Now));
        }
        else if (MadeProgress(status))
        {
            var condition = DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.ReplicaSetUpdated, $"{subject} is progressing.", context.Now);
            if (current is not null)
            {
                if (DeploymentConditions.Text(current, "status") == "True")
                {
                    condition["lastTransitionTime"] = current["lastTransitionTime"]?.DeepClone();
                }

                DeploymentConditions.Remove(status, DeploymentConditions.Progressing);
            }

            DeploymentConditions.Set(status, condition);
        }
        else if (TimedOut(status))
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Progressing, "False", DeploymentConditions.ProgressDeadlineExceeded, $"{subject} has timed out progressing.", context.Now));
        }
    }

    /// <summary>DeploymentComplete: every replica updated and available, and the generation observed.</summary>
    private bool IsComplete(JsonObject status) =>
        Count(status, "updatedReplicas") == _spec.Replicas
        && Count(status, "replicas") == _spec.Replicas
        && Count(status, "availableReplicas") == _spec.Replicas
        && Count(status, "observedGeneration") >= ObjectMeta.Generation(_deployment);

    /// <summary>DeploymentProgressing: more updated, ready or available replicas, or fewer old ones, than last time.</summary>
    private bool MadeProgress(JsonObject status)
    {
        var old = DeploymentStatus;
        var oldOld = Count(old, "replicas") - Count(old, "updatedReplicas");
        var newOld = Count(status, "replicas") - Count(status, "updatedReplicas");
        return Count(status, "updatedReplicas") > Count(old, "updatedReplicas")
            || newOld < oldOld
            || Count(status, "readyReplicas") > Count(old, "readyReplicas")
            || Count(status, "availableReplicas") > Count(old, "availableReplicas");
    }

    private bool TimedOut(JsonObject status)
    {
        var condition = DeploymentConditions.Get(status, DeploymentConditions.Progressing);
        var reason = condition is null ? null : DeploymentConditions.Text(condition, "reason");
        if (condition is null || reason == DeploymentConditions.NewReplicaSetAvailable)
        {
            return false;
        }

        return reason == DeploymentConditions.ProgressDeadlineExceeded || DeadlineAt(condition) < context.Now;
    }

    /// <summary>requeueStuckDeployment: a rollout still in progress is looked at again when its deadline passes.</summary>
    private TimeSpan? UntilDeadline(JsonObject status)
    {
        var condition = DeploymentConditions.Get(status, DeploymentConditions.Progressing);
        var scale = context.State.Options.TimeScale;
        if (!_spec.HasProgressDeadline || condition is null || scale <= 0
            || DeploymentConditions.Text(condition, "reason") is DeploymentConditions.NewReplicaSetAvailable or DeploymentConditions.ProgressDeadlineExceeded
            || IsComplete(status))
        {
            return null;
        }

        var remaining = DeadlineAt(condition) - context.Now;
        return (remaining < TimeSpan.Zero ? DeadlineSlack : remaining + DeadlineSlack) / scale;
    }

    private DateTimeOffset DeadlineAt(JsonObject condition) =>
        progress.LastMoved(key, ObjectMeta.Uid(_deployment) ?? string.Empty, condition)
        + (TimeSpan.FromSeconds(_spec.ProgressDeadlineSeconds ?? 0) * context.State.Options.TimeScale);

    private static long Count(JsonObject status, string field) => JsonTree.Number(status, field) ?? 0;

    private static void AddNonZero(JsonObject status, string field, long value)
    {
        if (value != 0)
        {
            status[field] = value;
        }
    }
}
