using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>The deployment.kubernetes.io annotations and how the controller writes them on ReplicaSets
/// (deployment_util SetNewReplicaSetAnnotations, SetReplicasAnnotations, copyDeploymentAnnotationsToReplicaSet).</summary>
internal static class DeploymentAnnotations
{
    public const string Revision = "deployment.kubernetes.io/revision";
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";
    private const string RollbackTo = "deprecated.deployment.rollback.to";
    private const int MaxRevisionHistoryLength = 2000;

    private static readonly HashSet<string> NotCopied = new(StringComparer.Ordinal) { LastApplied, Revision, RevisionHistory, DesiredReplicas, MaxReplicas, RollbackTo };

    public static JsonObject Of(JsonObject obj)
    {
        var metadata = ObjectMeta.Metadata(obj);
        if (metadata["annotations"] is JsonObject annotations)
        {
            return annotations;
        }

        var created = new JsonObject();
        metadata["annotations"] = created;
        return created;
    }

    /// <summary>Copies the Deployment's own annotations, raises the revision to <paramref name="newRevision"/> when
    /// it is higher (keeping the old number in revision-history: a rollback), and on a new ReplicaSet sets the
    /// replicas annotations. True when something changed.</summary>
    public static bool SetNewReplicaSetAnnotations(JsonObject deployment, JsonObject rs, long newRevision, bool exists, RolloutSpec spec)
    {
        var changed = CopyFromDeployment(deployment, rs);
        var annotations = Of(rs);
        var oldText = annotations[Revision]?.GetValue<string>();
        long oldRevision = 0;
        if (oldText is not null && !long.TryParse(oldText, NumberStyles.Integer, CultureInfo.InvariantCulture, out oldRevision))
        {
            return false;
        }

        if (oldRevision < newRevision)
        {
            annotations[Revision] = newRevision.ToString(CultureInfo.InvariantCulture);
            changed = true;
            if (oldText is not null)
            {
                annotations[RevisionHistory] = AppendHistory(annotations[RevisionHistory]?.GetValue<string>(), oldText);
            }
        }

        if (!exists && SetReplicas(rs, spec))
        {
            changed = true;
        }

        return changed;
    }

    /// <summary>desired-replicas and max-replicas (replicas + maxSurge); true when they changed.</summary>
    public static bool SetReplicas(JsonObject rs, RolloutSpec spec)
    {
        var annotations = Of(rs);
        var desired = spec.Replicas.ToString(CultureInfo.InvariantCulture);
        var max = (spec.Replicas + spec.MaxSurge).ToString(CultureInfo.InvariantCulture);
        if (annotations[DesiredReplicas]?.GetValue<string>() == desired && annotations[MaxReplicas]?.GetValue<string>() == max)
        {
            return false;
        }

        annotations[DesiredReplicas] = desired;
        annotations[MaxReplicas] = max;
        return true;
    }

    public static int? DesiredReplicasOf(JsonObject rs) => IntAnnotation(rs, DesiredReplicas);

    public static int? MaxReplicasOf(JsonObject rs) => IntAnnotation(rs, MaxReplicas);

    private static int? IntAnnotation(JsonObject rs, string name) =>
        int.TryParse(ReplicaSets.Annotation(rs, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool CopyFromDeployment(JsonObject deployment, JsonObject rs)
    {
        var changed = false;
        var target = Of(rs);
        foreach (var (name, value) in deployment["metadata"]?["annotations"] as JsonObject ?? [])
        {
            if (NotCopied.Contains(name) || JsonNode.DeepEquals(target[name], value))
            {
                continue;
            }

            target[name] = value?.DeepClone();
            changed = true;
        }

        return changed;
    }

    private static string AppendHistory(string? history, string oldRevision)
    {
        if (string.IsNullOrEmpty(history))
        {
            return oldRevision;
        }

        var revisions = history.Split(',').ToList();
        while (revisions.Count > 0 && string.Join(",", revisions.Append(oldRevision)).Length > MaxRevisionHistoryLength)
        {
            revisions.RemoveAt(0);
        }

        return string.Join(",", revisions.Append(oldRevision));
    }
}
