using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>The causes that make a create or an update 422 Invalid, in the order a real server lists them:
/// metadata, then the spec, then what the update may not change.</summary>
internal static class Validator
{
    public static List<StatusCause> OnCreate(ApiResource resource, JsonObject obj) =>
        [.. MetadataValidation.Validate(resource, obj), .. Spec(resource, obj)];

    public static List<StatusCause> OnUpdate(ApiResource resource, JsonObject old, JsonObject updated) =>
        [.. MetadataValidation.Validate(resource, updated), .. Spec(resource, updated), .. Changes(resource, old, updated)];

    private static IEnumerable<StatusCause> Spec(ApiResource resource, JsonObject obj)
    {
        var spec = JsonTree.Existing(obj, "spec");
        return (resource.IsCustom ? "" : resource.Group, resource.Kind) switch
        {
            ("apps", "Deployment") => [.. WorkloadValidation.ReplicatedSpec(spec, "deployment"), .. TemplatePodSpec(spec, "spec.template.spec")],
            ("apps", "ReplicaSet") => [.. WorkloadValidation.ReplicatedSpec(spec, "deployment"), .. TemplatePodSpec(spec, "spec.template.spec")],
            ("apps", "DaemonSet") => [.. WorkloadValidation.ReplicatedSpec(spec, "daemonset"), .. TemplatePodSpec(spec, "spec.template.spec")],
            ("apps", "StatefulSet") => [.. WorkloadValidation.ReplicatedSpec(spec, "statefulset"), .. TemplatePodSpec(spec, "spec.template.spec")],
            ("batch", "Job") => [.. WorkloadValidation.JobSpec(spec, "spec"), .. TemplatePodSpec(spec, "spec.template.spec")],
            ("", "Pod") => PodSpecValidation.Validate(spec, "spec"),
            ("", "Service") => ServiceValidation.Validate(spec),
            ("", "Secret") => SecretValidation.Validate(obj),
            ("batch", "CronJob") => [
                .. WorkloadValidation.JobSpec(JsonTree.Existing(JsonTree.Existing(spec, "jobTemplate"), "spec"), "spec.jobTemplate.spec"),
                .. TemplatePodSpec(JsonTree.Existing(JsonTree.Existing(spec, "jobTemplate"), "spec"), "spec.jobTemplate.spec.template.spec")],
            _ => [],
        };
    }

    private static IEnumerable<StatusCause> TemplatePodSpec(JsonObject? spec, string path) =>
        PodSpecValidation.Validate(JsonTree.Existing(JsonTree.Existing(spec, "template"), "spec"), path);

    private static IEnumerable<StatusCause> Changes(ApiResource resource, JsonObject old, JsonObject updated)
    {
        var oldSpec = JsonTree.Existing(old, "spec");
        var newSpec = JsonTree.Existing(updated, "spec");
        if (resource.IsCustom)
        {
            return [];
        }

        return (resource.Group, resource.Kind) switch
        {
            ("apps", "Deployment" or "ReplicaSet" or "DaemonSet") => UpdateRules.Immutable(oldSpec, newSpec, "selector", "spec.selector"),
            ("apps", "StatefulSet") => UpdateRules.StatefulSet(oldSpec, newSpec),
            ("batch", "Job") => UpdateRules.Job(oldSpec, newSpec),
            ("", "PersistentVolumeClaim") => UpdateRules.PersistentVolumeClaim(old, updated),
            ("", "ConfigMap") => UpdateRules.ImmutableData(old, updated, "data", "binaryData"),
            ("", "Secret") => [.. UpdateRules.Immutable(old, updated, "type", "type"), .. UpdateRules.ImmutableData(old, updated, "data")],
            _ => [],
        };
    }
}
