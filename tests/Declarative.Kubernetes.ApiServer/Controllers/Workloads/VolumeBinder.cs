using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>Binds claims to volumes as the PV controller does: claimRef and phase Bound on the volume; volumeName,
/// the pv.kubernetes.io annotations and status (Bound, access modes, capacity) on the claim.</summary>
internal sealed class VolumeBinder(ControllerContext context)
{
    private readonly Registry.ApiResource _volumes = context.Resource("", "persistentvolumes");
    private readonly Registry.ApiResource _claims = context.Resource("", "persistentvolumeclaims");

    public void BindClaim(JsonObject claim)
    {
        if (VolumeClaims.Phase(claim) == "Bound")
        {
            return;
        }

        var className = VolumeClaims.ClassName(claim) ?? DefaultClassName() ?? string.Empty;
        var volume = context.List(_volumes, null).FirstOrDefault(v => VolumeClaims.Matches(v, claim, className)
            || (v["spec"]?["claimRef"] is JsonObject r && JsonTree.Text(r, "uid") == ObjectMeta.Uid(claim)));
        var provisioned = false;
        if (volume is null)
        {
            var storageClass = className.Length == 0 ? null : context.Store.Get(context.Resource("storage.k8s.io", "storageclasses"), null, className);
            if (storageClass is null || (JsonTree.Text(storageClass, "volumeBindingMode") ?? "Immediate") != "Immediate")
            {
                return;
            }

            volume = context.Create(_volumes, ProvisionedVolume.For(claim, storageClass));
            provisioned = true;
        }

        if (volume is not null)
        {
            Bind(volume, claim, provisioned ? ProvisionedVolume.Provisioner(context, className) : null);
        }
    }

    /// <summary>A new Available volume binds the first Pending claim it matches.</summary>
    public void BindWaitingClaim(ObjectKey volumeKey)
    {
        var volume = context.Get(volumeKey);
        var claim = volume is null ? null : context.List(_claims, null)
            .Where(c => VolumeClaims.Phase(c) == "Pending" && !ObjectMeta.IsDeleting(c))
            .FirstOrDefault(c => VolumeClaims.Matches(volume, c, VolumeClaims.ClassName(c) ?? DefaultClassName() ?? string.Empty));
        if (volume is not null && claim is not null)
        {
            Bind(volume, claim, provisioner: null);
        }
    }

    private void Bind(JsonObject volume, JsonObject claim, string? provisioner)
    {
        var volumeKey = new ObjectKey("", "persistentvolumes", null, ObjectMeta.Name(volume));
        var claimKey = new ObjectKey("", "persistentvolumeclaims", ObjectMeta.Namespace(claim), ObjectMeta.Name(claim));
        context.Update(volumeKey, v => v["spec"]!["claimRef"] = VolumeClaims.ClaimReference(claim));
        context.UpdateStatus(volumeKey, v => v["status"] = new JsonObject { ["phase"] = "Bound" });
        var bound = context.Update(claimKey, c =>
        {
            var annotations = JsonTree.Child(ObjectMeta.Metadata(c), "annotations")!;
            annotations["pv.kubernetes.io/bind-completed"] = "yes";
            if (JsonTree.Text(JsonTree.Existing(claim, "spec"), "volumeName") is null or "")
            {
                annotations["pv.kubernetes.io/bound-by-controller"] = "yes";
            }

            if (provisioner is not null)
            {
                annotations["volume.beta.kubernetes.io/storage-provisioner"] = provisioner;
                annotations["volume.kubernetes.io/storage-provisioner"] = provisioner;
            }

            c["spec"]!["volumeName"] = ObjectMeta.Name(volume);
        });
        if (bound is null)
        {
            return;
        }

        context.UpdateStatus(claimKey, c => c["status"] = new JsonObject
        {
            ["accessModes"] = volume["spec"]?["accessModes"]?.DeepClone(),
            ["capacity"] = volume["spec"]?["capacity"]?.DeepClone(),
            ["phase"] = "Bound",
        });
    }

    private string? DefaultClassName() =>
        context.List(context.Resource("storage.k8s.io", "storageclasses"), null)
            .Where(c => ObjectMeta.Metadata(c)["annotations"]?[SimulatedCluster.DefaultClassAnnotation]?.GetValue<string>() == "true")
            .Select(ObjectMeta.Name)
            .FirstOrDefault();
}
