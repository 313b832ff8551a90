using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>What an update may not change (the ValidateXUpdate functions of kubernetes pkg/apis/*/validation).</summary>
internal static class UpdateRules
{
    private static readonly string[] StatefulSetMutable =
        ["replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];

    public const string StatefulSetForbidden =
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

    public const string ImmutableWhenSet = "field is immutable when `immutable` is set";

    /// <summary>ValidateImmutableField: the new value is the one shown.</summary>
    public static IEnumerable<StatusCause> Immutable(JsonObject? oldParent, JsonObject? newParent, string key, string field)
    {
        var newValue = newParent?[key];
        if (!JsonNode.DeepEquals(oldParent?[key], newValue))
        {
            yield return StatusCause.Immutable(field, ValueText.Render(newValue));
        }
    }

    public static IEnumerable<StatusCause> StatefulSet(JsonObject? oldSpec, JsonObject? newSpec)
    {
        if (!JsonNode.DeepEquals(Without(oldSpec, StatefulSetMutable), Without(newSpec, StatefulSetMutable)))
        {
            yield return Causes.Forbidden("spec", StatefulSetForbidden);
        }
    }

    public static IEnumerable<StatusCause> Job(JsonObject? oldSpec, JsonObject? newSpec) =>
    [
        .. Immutable(oldSpec, newSpec, "selector", "spec.selector"),
        .. Immutable(oldSpec, newSpec, "template", "spec.template"),
        .. Immutable(oldSpec, newSpec, "completionMode", "spec.completionMode"),
        .. Immutable(oldSpec, newSpec, "completions", "spec.completions"),
    ];

    /// <summary>ValidatePersistentVolumeClaimUpdate: a bound claim may grow its requests; an unbound one may only
    /// be given its volumeName.</summary>
    public static IEnumerable<StatusCause> PersistentVolumeClaim(JsonObject old, JsonObject updated)
    {
        var oldSpec = (JsonTree.Existing(old, "spec") ?? []).DeepClone().AsObject();
        var newSpec = (JsonTree.Existing(updated, "spec") ?? []).DeepClone().AsObject();
        if (JsonTree.Text(oldSpec, "volumeName") is null or "")
        {
            oldSpec.Remove("volumeName");
            newSpec.Remove("volumeName");
        }

        if (JsonTree.Text(JsonTree.Existing(old, "status"), "phase") == "Bound")
        {
            foreach (var spec in new[] { oldSpec, newSpec })
            {
                JsonTree.Existing(spec, "resources")?.Remove("requests");
                spec.Remove("volumeAttributesClassName");
            }
        }

        if (!JsonNode.DeepEquals(oldSpec, newSpec))
        {
            yield return Causes.Forbidden("spec", "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
        }
    }

    /// <summary>ConfigMaps and Secrets marked immutable keep their data (and stay immutable).</summary>
    public static IEnumerable<StatusCause> ImmutableData(JsonObject old, JsonObject updated, params string[] dataKeys)
    {
        if (JsonTree.Flag(old, "immutable") != true)
        {
            yield break;
        }

        if (JsonTree.Flag(updated, "immutable") != true)
        {
            yield return Causes.Forbidden("immutable", ImmutableWhenSet);
        }

        foreach (var key in dataKeys)
        {
            if (!JsonNode.DeepEquals(old[key], updated[key]))
            {
                yield return Causes.Forbidden(key, ImmutableWhenSet);
            }
        }
    }

    private static JsonObject Without(JsonObject? spec, string[] keys)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in spec ?? [])
        {
            if (!keys.Contains(key))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }
}
