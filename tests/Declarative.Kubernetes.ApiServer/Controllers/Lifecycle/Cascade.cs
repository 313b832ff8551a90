using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>The writes of the garbage collector and the namespace controller. Each is guarded by the uid it was
/// decided for, so a recreated object of the same name is left alone; a lost race is not an error.</summary>
public static class Cascade
{
    private const string CrdStorageKey = "apiextensions.k8s.io/customresourcedefinitions";

    /// <summary>A DELETE with <paramref name="policy"/>, as the API would do it. True when the object is gone or
    /// now deleting.</summary>
    public static bool Delete(ControllerContext context, ApiResource resource, JsonObject obj, string policy)
    {
        var uid = ObjectMeta.Uid(obj);
        try
        {
            var result = context.Store.Delete(resource, ObjectMeta.Namespace(obj), ObjectMeta.Name(obj), policy, dryRun: false, live =>
            {
                if (ObjectMeta.Uid(live) != uid)
                {
                    throw StatusFactory.Conflict(resource, ObjectMeta.Name(live), "the UID in the precondition does not match the UID in record");
                }
            });
            if (result.Outcome == WriteOutcome.Deleted)
            {
                AfterRemoval(context, resource, result.Object);
            }

            return true;
        }
        catch (ApiError error) when (error.Code is 404 or 409)
        {
            return error.Code == 404;
        }
    }

    /// <summary>Takes <paramref name="finalizer"/> off the object; the last finalizer of a deleting object deletes it.</summary>
    public static void RemoveFinalizer(ControllerContext context, GraphNode node, string finalizer) =>
        Change(context, node, obj => ObjectStore.SetFinalizers(obj, [.. ObjectStore.Finalizers(obj).Where(f => f != finalizer)]));

    /// <summary>Drops the ownerReferences naming any of <paramref name="ownerUids"/>. False when the write failed.</summary>
    public static bool RemoveOwnerReferences(ControllerContext context, GraphNode node, IReadOnlyCollection<string> ownerUids) =>
        Change(context, node, obj =>
        {
            var kept = GraphNode.OwnerReferencesOf(obj).Where(r => !ownerUids.Contains(GraphNode.Text(r, "uid") ?? string.Empty)).ToList();
            var metadata = ObjectMeta.Metadata(obj);
            if (kept.Count == 0)
            {
                metadata.Remove("ownerReferences");
                return;
            }

            metadata["ownerReferences"] = new JsonArray([.. kept.Select(r => r.DeepClone())]);
        });

    /// <summary>What the API's DELETE does after an object is gone: frees its allocations; a CRD's custom
    /// resources stop being served.</summary>
    public static void AfterRemoval(ControllerContext context, ApiResource resource, JsonObject removed)
    {
        context.State.Admission.Release(resource, removed);
        if (resource.StorageKey == CrdStorageKey)
        {
            var group = removed["spec"]?["group"]?.ToString() ?? string.Empty;
            var plural = removed["spec"]?["names"]?["plural"]?.ToString() ?? string.Empty;
            context.State.Registry.RemoveCustom(group, plural);
            context.Store.DropCollection($"{group}/{plural}");
        }
    }

    private static bool Change(ControllerContext context, GraphNode node, Action<JsonObject> change)
    {
        var uid = node.Uid;
        try
        {
            var written = context.Update(node.Key, obj =>
            {
                if (ObjectMeta.Uid(obj) != uid)
                {
                    throw StatusFactory.NotFound(node.Resource, node.Name);
                }

                change(obj);
            });
            if (written is not null && context.Get(node.Key) is null)
            {
                AfterRemoval(context, node.Resource, node.Object);
            }

            return true;
        }
        catch (ApiError)
        {
            return false;
        }
    }
}
