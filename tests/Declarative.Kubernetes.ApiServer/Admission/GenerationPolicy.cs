using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Admission;

/// <summary>
/// Which types keep metadata.generation and what bumps it, after their registry strategies: the workload
/// controllers, the networking and policy types, CRDs, webhook configurations and admission policies, and every
/// custom resource. ConfigMaps, Secrets, Services, Namespaces and the like carry no generation at all.
/// </summary>
internal static class GenerationPolicy
{
    private static readonly HashSet<(string Group, string Kind)> Tracking =
    [
        ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("apps", "DaemonSet"),
        ("batch", "Job"), ("batch", "CronJob"), ("", "ReplicationController"),
        ("networking.k8s.io", "Ingress"), ("networking.k8s.io", "NetworkPolicy"), ("policy", "PodDisruptionBudget"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"),
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
    ];

    public static bool Tracks(ApiResource resource) => resource.IsCustom || Tracking.Contains((resource.Group, resource.Kind));

    public static bool Changes(ApiResource resource, JsonObject old, JsonObject updated)
    {
        if (!Tracks(resource))
        {
            return false;
        }

        if (resource.IsCustom)
        {
            return !JsonNode.DeepEquals(Content(old), Content(updated));
        }

        return (resource.Group, resource.Kind) switch
        {
            ("apps", "Deployment") => Differs(old, updated, "spec") || !JsonNode.DeepEquals(Annotations(old), Annotations(updated)),
            ("admissionregistration.k8s.io", "MutatingWebhookConfiguration" or "ValidatingWebhookConfiguration") => Differs(old, updated, "webhooks"),
            _ => Differs(old, updated, "spec"),
        };
    }

    private static bool Differs(JsonObject old, JsonObject updated, string key) => !JsonNode.DeepEquals(old[key], updated[key]);

    private static JsonNode? Annotations(JsonObject obj) => JsonTree.Existing(JsonTree.Metadata(obj), "annotations") is { Count: > 0 } a ? a : null;

    // A custom resource's generation follows everything but metadata and status (the CR strategy).
    private static JsonObject Content(JsonObject obj) =>
        new(obj.Where(p => p.Key is not ("metadata" or "status" or "apiVersion" or "kind")).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
}
