using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The PersistentVolume controller and a local-path provisioner. A Pending claim binds at once to a matching
/// Available volume, or, under an Immediate StorageClass (the claim's, or the default one when it names none),
/// to a new volume <c>pvc-&lt;claim uid&gt;</c>; under WaitForFirstConsumer it stays Pending (no pod ever
/// consumes it here). A volume without a claim becomes Available and binds a waiting claim; a volume whose claim
/// is gone is deleted (reclaim policy Delete) or Released (Retain).
/// </summary>
public sealed class VolumeBindingController : Controller
{
    private static readonly TimeSpan PendingRecheck = TimeSpan.FromSeconds(1);

    public override string Name => "persistent-volume-binder";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [("", "persistentvolumeclaims"), ("", "persistentvolumes")];

    public override IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change)
    {
        if (resource.Plural == "persistentvolumeclaims" && change.Type == WatchEvent.Deleted)
        {
            var volume = JsonTree.Text(JsonTree.Existing(change.Object, "spec"), "volumeName");
            return volume is null or "" ? [] : [new ObjectKey("", "persistentvolumes", null, volume)];
        }

        return base.KeysFor(resource, change);
    }

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        if (context.Get(key) is not { } obj || ObjectMeta.IsDeleting(obj))
        {
            return null;
        }

        var binder = new VolumeBinder(context);
        if (key.Plural == "persistentvolumeclaims")
        {
            binder.BindClaim(obj);

            // The claim's class may not exist yet (the default class is created at start-up, and class changes are
            // not watched): a claim still Pending is looked at again.
            return context.Get(key) is { } claim && VolumeClaims.Phase(claim) == "Pending" ? PendingRecheck : null;
        }
        else
        {
            ReconcileVolume(context, binder, key, obj);
        }

        return null;
    }

    private static void ReconcileVolume(ControllerContext context, VolumeBinder binder, ObjectKey key, JsonObject volume)
    {
        var claimRef = volume["spec"]?["claimRef"] as JsonObject;
        if (claimRef is null)
        {
            if (VolumeClaims.Phase(volume) != "Available")
            {
                context.UpdateStatus(key, v => v["status"] = new JsonObject { ["phase"] = "Available" });
            }

            binder.BindWaitingClaim(key);
            return;
        }

        var claimKey = new ObjectKey("", "persistentvolumeclaims", JsonTree.Text(claimRef, "namespace"), JsonTree.Text(claimRef, "name") ?? string.Empty);
        var claim = context.Get(claimKey);
        var uid = JsonTree.Text(claimRef, "uid");
        if (claim is not null && (uid is null || uid == ObjectMeta.Uid(claim)))
        {
            if (uid is null || JsonTree.Text(JsonTree.Existing(claim, "spec"), "volumeName") is null or "")
            {
                binder.BindClaim(claim);
            }

            return;
        }

        if (JsonTree.Text(JsonTree.Existing(volume, "spec"), "persistentVolumeReclaimPolicy") == "Delete")
        {
            context.Delete(key);
        }
        else if (VolumeClaims.Phase(volume) != "Released")
        {
            context.UpdateStatus(key, v => v["status"] = new JsonObject { ["phase"] = "Released" });
        }
    }
}
