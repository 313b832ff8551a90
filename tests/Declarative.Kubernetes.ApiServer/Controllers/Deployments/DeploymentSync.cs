using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>
/// One pass of the deployment controller's syncDeployment over one Deployment and the ReplicaSets it controls.
/// Writes go through the context one by one, as the real controller's API calls do; the local copies are
/// replaced by what each write returned. Returns when to look again (the progress deadline), or null.
/// </summary>
internal sealed partial class DeploymentSync(ControllerContext context, ObjectKey key, JsonObject deployment, List<JsonObject> replicaSets, ProgressClock progress)
{
    private readonly RolloutSpec _spec = RolloutSpec.Of(deployment);
    private JsonObject _deployment = deployment;

    public TimeSpan? Run()
    {
        CheckPausedConditions();
        if (_spec.Paused || IsScalingEvent())
        {
            SyncScaleOnly();
            return null;
        }

        return _spec.Recreate ? RolloutRecreate() : RolloutRolling();
    }

    private string DeploymentName => ObjectMeta.Name(_deployment);

    private JsonObject DeploymentStatus => _deployment["status"] as JsonObject ?? [];

    private JsonObject? FindNewReplicaSet() =>
        ReplicaSets.OldestFirst(replicaSets).FirstOrDefault(rs => PodTemplateHash.EqualIgnoringHash(ReplicaSets.Template(rs), RolloutSpec.Template(_deployment)));

    private List<JsonObject> OldReplicaSets(JsonObject? newRs) =>
        ReplicaSets.OldestFirst(replicaSets.Where(rs => newRs is null || ObjectMeta.Name(rs) != ObjectMeta.Name(newRs)));

    private JsonObject Current(JsonObject rs) => replicaSets.First(r => ObjectMeta.Name(r) == ObjectMeta.Name(rs));

    private void Replace(JsonObject written)
    {
        var index = replicaSets.FindIndex(r => ObjectMeta.Name(r) == ObjectMeta.Name(written));
        if (index >= 0)
        {
            replicaSets[index] = written;
        }
        else
        {
            replicaSets.Add(written);
        }
    }

    private static ObjectKey KeyOf(JsonObject rs) => new("apps", "replicasets", ObjectMeta.Namespace(rs), ObjectMeta.Name(rs));

    /// <summary>scaleReplicaSet: the new size and the replicas annotations in one update; true when the size changed.</summary>
    private bool Scale(JsonObject rs, int replicas)
    {
        var sizeChanged = ReplicaSets.SpecReplicas(rs) != replicas;
        var annotationsChanged = DeploymentAnnotations.SetReplicas((JsonObject)rs.DeepClone(), _spec);
        if (!sizeChanged && !annotationsChanged)
        {
            return false;
        }

        var written = context.Update(KeyOf(rs), next =>
        {
            ((JsonObject)next["spec"]!)["replicas"] = replicas;
            DeploymentAnnotations.SetReplicas(next, _spec);
        });
        if (written is not null)
        {
            Replace(written);
        }

        return sizeChanged;
    }

    /// <summary>A /status write that may also carry the revision annotation (the Deployment status strategy keeps
    /// annotations); records when the Progressing condition moved.</summary>
    private void WriteDeployment(JsonObject status, string? revision = null)
    {
        var before = DeploymentConditions.Get(DeploymentStatus, DeploymentConditions.Progressing);
        var written = context.UpdateStatusAndAnnotations(key, next =>
        {
            next["status"] = status.DeepClone();
            if (revision is not null)
            {
                DeploymentAnnotations.Of(next)[DeploymentAnnotations.Revision] = revision;
            }
        });
        if (written is null)
        {
            return;
        }

        _deployment = written;
        var after = DeploymentConditions.Get(DeploymentStatus, DeploymentConditions.Progressing);
        if (after is not null && !JsonNode.DeepEquals(before, after))
        {
            progress.Record(key, ObjectMeta.Uid(_deployment) ?? string.Empty, context.Now);
        }
    }

    private void CheckPausedConditions()
    {
        if (!_spec.HasProgressDeadline)
        {
            return;
        }

        var reason = DeploymentConditions.Reason(DeploymentStatus, DeploymentConditions.Progressing);
        if (reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            return;
        }

        var pausedShown = reason == DeploymentConditions.DeploymentPaused;
        JsonObject condition;
        if (_spec.Paused && !pausedShown)
        {
            condition = DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentPaused, "Deployment is paused", context.Now);
        }
        else if (!_spec.Paused && pausedShown)
        {
            condition = DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentResumed, "Deployment is resumed", context.Now);
        }
        else
        {
            return;
        }

        var status = (JsonObject)DeploymentStatus.DeepClone();
        DeploymentConditions.Set(status, condition);
        WriteDeployment(status);
    }
}
