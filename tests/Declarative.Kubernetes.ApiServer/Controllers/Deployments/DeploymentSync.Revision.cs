using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>getAllReplicaSetsAndSyncRevision / getNewReplicaSet: find or create the ReplicaSet of the current
/// template and number it max(old revisions) + 1.</summary>
internal sealed partial class DeploymentSync
{
    private JsonObject? SyncRevision(bool create)
    {
        var existing = FindNewReplicaSet();
        var maxOld = OldReplicaSets(existing).Select(ReplicaSets.Revision).DefaultIfEmpty(0).Max();
        var newRevision = maxOld + 1;
        if (existing is not null)
        {
            return SyncExisting(existing, newRevision);
        }

        return create ? CreateNewReplicaSet(newRevision) : null;
    }

    private JsonObject SyncExisting(JsonObject existing, long newRevision)
    {
        var copy = (JsonObject)existing.DeepClone();
        var annotationsChanged = DeploymentAnnotations.SetNewReplicaSetAnnotations(_deployment, copy, newRevision, exists: true, _spec);
        var minReadyChanged = (JsonTree.Number(JsonTree.Existing(existing, "spec"), "minReadySeconds") ?? 0) != _spec.MinReadySeconds;
        if (annotationsChanged || minReadyChanged)
        {
            var written = context.Update(KeyOf(existing), next =>
            {
                ObjectMeta.Metadata(next)["annotations"] = DeploymentAnnotations.Of(copy).DeepClone();
                SetMinReadySeconds((JsonObject)next["spec"]!);
            });
            if (written is not null)
            {
                Replace(written);
            }

            return written ?? existing;
        }

        var status = (JsonObject)DeploymentStatus.DeepClone();
        var conditionAdded = false;
        if (_spec.HasProgressDeadline && DeploymentConditions.Get(status, DeploymentConditions.Progressing) is null)
        {
            var message = $"Found new replica set \"{ObjectMeta.Name(existing)}\"";
            conditionAdded = DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.FoundNewReplicaSet, message, context.Now));
        }

        var revision = ReplicaSets.Annotation(existing, DeploymentAnnotations.Revision);
        if (conditionAdded || (revision is not null && revision != ReplicaSets.Annotation(_deployment, DeploymentAnnotations.Revision)))
        {
            WriteDeployment(status, revision);
        }

        return existing;
    }

    private JsonObject CreateNewReplicaSet(long newRevision)
    {
        var rs = NewReplicaSetObject();
        rs["spec"]!["replicas"] = NewReplicaSetReplicas(rs, replicaSets.Append(rs));
        DeploymentAnnotations.SetNewReplicaSetAnnotations(_deployment, rs, newRevision, exists: false, _spec);
        var resource = context.Resource("apps", "replicasets");
        var created = context.Create(resource, rs);
        var alreadyExisted = created is null;
        created ??= context.Store.Get(resource, key.Namespace, ObjectMeta.Name(rs));
        if (created is null || !PodTemplateHash.EqualIgnoringHash(ReplicaSets.Template(created), RolloutSpec.Template(_deployment)))
        {
            // A hash collision with a foreign ReplicaSet: the real controller bumps status.collisionCount.
            throw new InvalidOperationException($"ReplicaSet {ObjectMeta.Name(rs)} exists with another template.");
        }

        Replace(created);
        var status = (JsonObject)DeploymentStatus.DeepClone();
        if (!alreadyExisted && _spec.HasProgressDeadline)
        {
            var message = $"Created new replica set \"{ObjectMeta.Name(created)}\"";
            DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.NewReplicaSetCreated, message, context.Now));
        }

        WriteDeployment(status, newRevision.ToString(CultureInfo.InvariantCulture));
        return created;
    }

    private JsonObject NewReplicaSetObject()
    {
        var template = (JsonObject)RolloutSpec.Template(_deployment).DeepClone();
        var hash = PodTemplateHash.Of(template);
        var templateMetadata = ObjectMeta.Metadata(template);
        var labels = templateMetadata["labels"] as JsonObject ?? [];
        labels[PodTemplateHash.Label] = hash;
        templateMetadata["labels"] = labels;
        var selector = (JsonObject?)_deployment["spec"]?["selector"]?.DeepClone() ?? [];
        var matchLabels = selector["matchLabels"] as JsonObject ?? [];
        matchLabels[PodTemplateHash.Label] = hash;
        selector["matchLabels"] = matchLabels;
        var spec = new JsonObject { ["replicas"] = 0 };
        SetMinReadySeconds(spec);
        spec["selector"] = selector;
        spec["template"] = template;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{DeploymentName}-{hash}",
                ["namespace"] = key.Namespace,
                ["labels"] = labels.DeepClone(),
                ["annotations"] = new JsonObject(),
                ["ownerReferences"] = new JsonArray(OwnerReference()),
            },
            ["spec"] = spec,
        };
    }

    private JsonObject OwnerReference() => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["name"] = DeploymentName,
        ["uid"] = ObjectMeta.Uid(_deployment),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    private void SetMinReadySeconds(JsonObject spec)
    {
        if (_spec.MinReadySeconds == 0)
        {
            spec.Remove("minReadySeconds");
        }
        else
        {
            spec["minReadySeconds"] = _spec.MinReadySeconds;
        }
    }

    /// <summary>NewRSNewReplicas: Recreate wants everything at once; RollingUpdate grows the new ReplicaSet
    /// while all ReplicaSets together stay within replicas + maxSurge.</summary>
    private int NewReplicaSetReplicas(JsonObject newRs, IEnumerable<JsonObject> all)
    {
        if (_spec.Recreate)
        {
            return _spec.Replicas;
        }

        var current = ReplicaSets.SpecReplicas(newRs);
        var maxTotal = _spec.Replicas + _spec.MaxSurge;
        var total = ReplicaSets.TotalSpec(all);
        return total >= maxTotal ? current : current + Math.Min(maxTotal - total, _spec.Replicas - current);
    }
}
