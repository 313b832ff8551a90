using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Readiness;

/// <summary>
/// DESIGN "Apply" and reference 7: when an object of each kind is ready. Pure: one evaluation of one observed state.
/// </summary>
public static class ReadinessRules
{
    /// <summary>The state of <paramref name="obj"/> (null: not there yet) under <paramref name="mode"/>.</summary>
    public static ReadinessState Evaluate(JsonObject? obj, WaitMode mode, string displayName)
    {
        if (mode == WaitMode.None)
        {
            return ReadinessState.Ready($"{displayName}: not awaited");
        }

        if (obj is null)
        {
            return ReadinessState.Waiting($"{displayName}: waiting for it to exist");
        }

        return mode == WaitMode.Exists ? ReadinessState.Ready($"{displayName}: exists") : ByKind(obj);
    }

    private static ReadinessState ByKind(JsonObject obj)
    {
        var type = new ResourceType(JsonText.At(obj, "/apiVersion") ?? string.Empty, JsonText.At(obj, "/kind") ?? string.Empty);
        return (type.Group, type.Kind) switch
        {
            ("apps", "Deployment") => WorkloadReadiness.Deployment(obj),
            ("apps", "StatefulSet") => WorkloadReadiness.StatefulSet(obj),
            ("apps", "DaemonSet") => WorkloadReadiness.DaemonSet(obj),
            ("batch", "Job") => OtherReadiness.Job(obj),
            ("", "Service") => OtherReadiness.Service(obj),
            ("", "PersistentVolumeClaim") => OtherReadiness.PersistentVolumeClaim(obj),
            ("apiextensions.k8s.io", "CustomResourceDefinition") => OtherReadiness.CustomResourceDefinition(obj),
            _ => ReadinessState.Ready($"{StatusFields.Name(obj)}: exists"),
        };
    }
}
