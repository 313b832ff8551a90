using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>What binding reads from a claim and a volume, and the matching rule of the PV controller (class,
/// access modes, volume mode, capacity, an explicit volumeName).</summary>
internal static class VolumeClaims
{
    public static string? Request(JsonObject claim) =>
        JsonTree.Text(claim["spec"]?["resources"]?["requests"] as JsonObject, "storage");

    public static string? Capacity(JsonObject volume) =>
        JsonTree.Text(volume["spec"]?["capacity"] as JsonObject, "storage");

    public static string? ClassName(JsonObject obj) => JsonTree.Text(JsonTree.Existing(obj, "spec"), "storageClassName");

    public static IEnumerable<string> AccessModes(JsonObject obj) =>
        (obj["spec"]?["accessModes"] as JsonArray ?? []).Select(m => m?.GetValue<string>() ?? string.Empty);

    public static string VolumeMode(JsonObject obj) => JsonTree.Text(JsonTree.Existing(obj, "spec"), "volumeMode") ?? "Filesystem";

    public static string Phase(JsonObject obj) => JsonTree.Text(JsonTree.Existing(obj, "status"), "phase") ?? "Pending";

    public static bool Matches(JsonObject volume, JsonObject claim, string className)
    {
        var spec = JsonTree.Existing(claim, "spec");
        var wanted = JsonTree.Text(spec, "volumeName");
        return Phase(volume) == "Available"
            && (wanted is null or "" || wanted == ObjectMeta.Name(volume))
            && (ClassName(volume) ?? string.Empty) == className
            && VolumeMode(volume) == VolumeMode(claim)
            && !AccessModes(claim).Except(AccessModes(volume), StringComparer.Ordinal).Any()
            && Quantity.Bytes(Capacity(volume)) >= Quantity.Bytes(Request(claim));
    }

    public static JsonObject ClaimReference(JsonObject claim) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "PersistentVolumeClaim",
        ["name"] = ObjectMeta.Name(claim),
        ["namespace"] = ObjectMeta.Namespace(claim),
        ["resourceVersion"] = ObjectMeta.ResourceVersion(claim),
        ["uid"] = ObjectMeta.Uid(claim),
    };
}
