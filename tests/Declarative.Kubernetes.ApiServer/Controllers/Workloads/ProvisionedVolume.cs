using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>The volume a local-path-like provisioner makes for a claim: <c>pvc-&lt;uid&gt;</c>, the requested
/// size, the claim's access and volume modes, the class's reclaim policy, a hostPath under
/// /var/local-path-provisioner.</summary>
internal static class ProvisionedVolume
{
    public static JsonObject For(JsonObject claim, JsonObject storageClass)
    {
        var name = $"pvc-{ObjectMeta.Uid(claim)}";
        var provisioner = JsonTree.Text(storageClass, "provisioner") ?? "rancher.io/local-path";
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolume",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["annotations"] = new JsonObject { ["pv.kubernetes.io/provisioned-by"] = provisioner },
            },
            ["spec"] = new JsonObject
            {
                ["accessModes"] = claim["spec"]?["accessModes"]?.DeepClone() ?? new JsonArray("ReadWriteOnce"),
                ["capacity"] = new JsonObject { ["storage"] = VolumeClaims.Request(claim) ?? "1Gi" },
                ["claimRef"] = VolumeClaims.ClaimReference(claim),
                ["hostPath"] = new JsonObject
                {
                    ["path"] = $"/var/local-path-provisioner/{name}_{ObjectMeta.Namespace(claim)}_{ObjectMeta.Name(claim)}",
                    ["type"] = "DirectoryOrCreate",
                },
                ["persistentVolumeReclaimPolicy"] = JsonTree.Text(storageClass, "reclaimPolicy") ?? "Delete",
                ["storageClassName"] = ObjectMeta.Name(storageClass),
                ["volumeMode"] = VolumeClaims.VolumeMode(claim),
            },
        };
    }

    public static string? Provisioner(ControllerContext context, string className) =>
        className.Length == 0 ? null
        : JsonTree.Text(context.Store.Get(context.Resource("storage.k8s.io", "storageclasses"), null, className), "provisioner");
}
