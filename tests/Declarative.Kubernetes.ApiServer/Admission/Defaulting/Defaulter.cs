using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>Applies the defaults of reference section 6.2 by kind; kinds not listed get none.</summary>
internal static class Defaulter
{
    public static void Apply(ApiResource resource, JsonObject obj)
    {
        if (resource.IsCustom)
        {
            return;
        }

        switch (resource.Group, resource.Kind)
        {
            case ("apps", "Deployment"):
                WithSpec(obj, AppsDefaults.Deployment);
                break;
            case ("apps", "ReplicaSet"):
                WithSpec(obj, AppsDefaults.ReplicaSet);
                break;
            case ("apps", "DaemonSet"):
                WithSpec(obj, AppsDefaults.DaemonSet);
                break;
            case ("apps", "StatefulSet"):
                WithSpec(obj, AppsDefaults.StatefulSet);
                break;
            case ("batch", "Job"):
                BatchDefaults.Job(obj);
                break;
            case ("batch", "CronJob"):
                WithSpec(obj, BatchDefaults.CronJob);
                break;
            case ("networking.k8s.io", "NetworkPolicy"):
                WithSpec(obj, CoreDefaults.NetworkPolicy);
                break;
            case ("", _):
                ApplyCore(resource.Kind, obj);
                break;
        }
    }

    private static void ApplyCore(string kind, JsonObject obj)
    {
        switch (kind)
        {
            case "Pod":
                WithSpec(obj, PodDefaults.Apply);
                break;
            case "PodTemplate":
                PodSpecDefaults.ApplyToTemplate(JsonTree.Existing(obj, "template"));
                break;
            case "ReplicationController":
                CoreDefaults.ReplicationController(obj);
                break;
            case "Service":
                WithSpec(obj, ServiceDefaults.Apply);
                break;
            case "Secret":
                CoreDefaults.Secret(obj);
                break;
            case "PersistentVolumeClaim":
                CoreDefaults.PersistentVolumeClaim(obj);
                break;
            case "PersistentVolume":
                WithSpec(obj, CoreDefaults.PersistentVolume);
                break;
            case "Namespace":
                CoreDefaults.Namespace(obj);
                break;
        }
    }

    private static void WithSpec(JsonObject obj, Action<JsonObject> apply)
    {
        if (JsonTree.Child(obj, "spec") is { } spec)
        {
            apply(spec);
        }
    }
}
