using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>Reads of a ReplicaSet object the deployment controller needs (deployment_util's helpers).</summary>
internal static class ReplicaSets
{
    public static int SpecReplicas(JsonObject rs) => (int)(JsonTree.Number(JsonTree.Existing(rs, "spec"), "replicas") ?? 1);

    public static int StatusReplicas(JsonObject rs) => StatusCount(rs, "replicas");

    public static int Ready(JsonObject rs) => StatusCount(rs, "readyReplicas");

    public static int Available(JsonObject rs) => StatusCount(rs, "availableReplicas");

    /// <summary>Available pods that the spec still wants: the status lags a scale-down by one reconcile, and the
    /// rollout arithmetic must not count pods already on their way out.</summary>
    public static int EffectiveAvailable(JsonObject rs) => Math.Min(Available(rs), SpecReplicas(rs));

    public static long ObservedGeneration(JsonObject rs) => JsonTree.Number(JsonTree.Existing(rs, "status"), "observedGeneration") ?? 0;

    public static bool IsActive(JsonObject rs) => SpecReplicas(rs) > 0;

    public static string? Annotation(JsonObject rs, string name) => JsonTree.Text(JsonTree.Existing(JsonTree.Metadata(rs), "annotations"), name);

    public static long Revision(JsonObject rs) =>
        long.TryParse(Annotation(rs, DeploymentAnnotations.Revision), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    public static JsonObject? Template(JsonObject rs) => JsonTree.Existing(JsonTree.Existing(rs, "spec"), "template");

    /// <summary>The uid of the controlling owner reference, if any.</summary>
    public static string? ControllerUid(JsonObject obj) =>
        JsonTree.Items(JsonTree.Metadata(obj), "ownerReferences")
            .Select(o => o.Item)
            .FirstOrDefault(o => JsonTree.Flag(o, "controller") == true) is { } owner ? JsonTree.Text(owner, "uid") : null;

    public static string? ControllerName(JsonObject obj, string kind) =>
        JsonTree.Items(JsonTree.Metadata(obj), "ownerReferences")
            .Select(o => o.Item)
            .FirstOrDefault(o => JsonTree.Flag(o, "controller") == true && JsonTree.Text(o, "kind") == kind) is { } owner ? JsonTree.Text(owner, "name") : null;

    /// <summary>Oldest first, as controller.ReplicaSetsByCreationTimestamp sorts (ties by name).</summary>
    public static List<JsonObject> OldestFirst(IEnumerable<JsonObject> replicaSets) =>
        [.. replicaSets.OrderBy(Created, StringComparer.Ordinal).ThenBy(ObjectMeta.Name, StringComparer.Ordinal)];

    public static int TotalSpec(IEnumerable<JsonObject> replicaSets) => replicaSets.Sum(SpecReplicas);

    private static string Created(JsonObject rs) => ObjectMeta.Text(rs, "creationTimestamp") ?? string.Empty;

    private static int StatusCount(JsonObject rs, string field) => (int)(JsonTree.Number(JsonTree.Existing(rs, "status"), field) ?? 0);
}
