using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Admission;

/// <summary>
/// Who writes status. Types with a status subresource ignore the body's status: a create starts from the zero
/// status (as Go serializes the empty struct: non-omitempty counters show as 0) and an update keeps the stored
/// one. Nodes are the exception upstream: they may set status on create.
/// </summary>
internal static class StatusPolicy
{
    public static void ResetOnCreate(ApiResource resource, JsonObject obj)
    {
        if (!resource.Has("status") || (resource.Group.Length == 0 && resource.Kind == "Node"))
        {
            return;
        }

        if (resource.IsCustom)
        {
            obj.Remove("status");
            return;
        }

        obj["status"] = InitialStatus(resource, obj);
    }

    public static void KeepOnUpdate(ApiResource resource, JsonObject old, JsonObject updated)
    {
        if (!resource.Has("status"))
        {
            return;
        }

        if (old["status"] is { } status)
        {
            updated["status"] = status.DeepClone();
        }
        else
        {
            updated.Remove("status");
        }
    }

    private static JsonObject InitialStatus(ApiResource resource, JsonObject obj) => (resource.Group, resource.Kind) switch
    {
        ("", "Pod") => new JsonObject { ["phase"] = "Pending", ["qosClass"] = QosClass.Of(JsonTree.Existing(obj, "spec")) },
        ("", "Service") => new JsonObject { ["loadBalancer"] = new JsonObject() },
        ("", "Namespace") => new JsonObject { ["phase"] = "Active" },
        ("", "PersistentVolumeClaim" or "PersistentVolume") => new JsonObject { ["phase"] = "Pending" },
        ("", "ReplicationController") or ("apps", "ReplicaSet") => new JsonObject { ["replicas"] = 0 },
        ("apps", "StatefulSet") => new JsonObject { ["replicas"] = 0, ["availableReplicas"] = 0 },
        ("apps", "DaemonSet") => Zeros("currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"),
        ("autoscaling", "HorizontalPodAutoscaler") => Zeros("currentReplicas", "desiredReplicas"),
        ("policy", "PodDisruptionBudget") => Zeros("disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods"),
        ("networking.k8s.io", "Ingress") => new JsonObject { ["loadBalancer"] = new JsonObject() },
        _ => [],
    };

    private static JsonObject Zeros(params string[] keys) => new(keys.Select(k => KeyValuePair.Create(k, (JsonNode?)0)));
}
