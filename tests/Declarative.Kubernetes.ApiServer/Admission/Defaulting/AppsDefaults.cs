using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>apps/v1 defaults (kubernetes pkg/apis/apps/v1/defaults.go), reference section 6.2.</summary>
internal static class AppsDefaults
{
    public static void Deployment(JsonObject spec)
    {
        JsonTree.Default(spec, "replicas", 1);
        if (JsonTree.Child(spec, "strategy") is { } strategy)
        {
            JsonTree.Default(strategy, "type", "RollingUpdate");
            if (JsonTree.Text(strategy, "type") == "RollingUpdate" && JsonTree.Child(strategy, "rollingUpdate") is { } rolling)
            {
                JsonTree.Default(rolling, "maxUnavailable", "25%");
                JsonTree.Default(rolling, "maxSurge", "25%");
            }
        }

        JsonTree.Default(spec, "revisionHistoryLimit", 10);
        JsonTree.Default(spec, "progressDeadlineSeconds", 600);
        PodSpecDefaults.ApplyToTemplate(JsonTree.Existing(spec, "template"));
    }

    public static void ReplicaSet(JsonObject spec)
    {
        JsonTree.Default(spec, "replicas", 1);
        PodSpecDefaults.ApplyToTemplate(JsonTree.Existing(spec, "template"));
    }

    public static void DaemonSet(JsonObject spec)
    {
        if (JsonTree.Child(spec, "updateStrategy") is { } strategy)
        {
            JsonTree.Default(strategy, "type", "RollingUpdate");
            if (JsonTree.Text(strategy, "type") == "RollingUpdate" && JsonTree.Child(strategy, "rollingUpdate") is { } rolling)
            {
                JsonTree.Default(rolling, "maxUnavailable", 1);
                JsonTree.Default(rolling, "maxSurge", 0);
            }
        }

        JsonTree.Default(spec, "revisionHistoryLimit", 10);
        PodSpecDefaults.ApplyToTemplate(JsonTree.Existing(spec, "template"));
    }

    public static void StatefulSet(JsonObject spec)
    {
        JsonTree.Default(spec, "podManagementPolicy", "OrderedReady");
        if (JsonTree.Child(spec, "updateStrategy") is { } strategy)
        {
            JsonTree.Default(strategy, "type", "RollingUpdate");
            if (JsonTree.Text(strategy, "type") == "RollingUpdate" && JsonTree.Child(strategy, "rollingUpdate") is { } rolling)
            {
                JsonTree.Default(rolling, "partition", 0);
            }
        }

        JsonTree.Default(spec, "replicas", 1);
        JsonTree.Default(spec, "revisionHistoryLimit", 10);
        if (JsonTree.Child(spec, "persistentVolumeClaimRetentionPolicy") is { } retention)
        {
            JsonTree.Default(retention, "whenDeleted", "Retain");
            JsonTree.Default(retention, "whenScaled", "Retain");
        }

        foreach (var (claim, _) in JsonTree.Items(spec, "volumeClaimTemplates"))
        {
            ClaimTemplate(claim);
        }

        PodSpecDefaults.ApplyToTemplate(JsonTree.Existing(spec, "template"));
    }

    // A real server stores claim templates as whole PersistentVolumeClaims: type meta, defaulted spec and the
    // Pending phase show up in every read.
    private static void ClaimTemplate(JsonObject claim)
    {
        JsonTree.Default(claim, "apiVersion", "v1");
        JsonTree.Default(claim, "kind", "PersistentVolumeClaim");
        if (JsonTree.Child(claim, "spec") is { } spec)
        {
            JsonTree.Default(spec, "volumeMode", "Filesystem");
        }

        if (JsonTree.Child(claim, "status") is { } status)
        {
            JsonTree.Default(status, "phase", "Pending");
        }
    }
}
