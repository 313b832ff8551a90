using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>DELETE of one object or a collection (reference 3.6).</summary>
internal static class DeleteHandler
{
    /// <summary>Stores with ReturnDeletedObject: their DELETE answers the object, the others a Success Status.</summary>
    private static readonly HashSet<string> ReturnsDeletedObject =
    [
        "/pods", "/services", "/serviceaccounts", "/namespaces", "/persistentvolumes", "/persistentvolumeclaims",
        "storage.k8s.io/storageclasses", "scheduling.k8s.io/priorityclasses",
    ];

    public static async Task HandleAsync(RequestScope scope)
    {
        var options = await DeleteOptions.ReadAsync(scope);
        var result = Delete(scope, scope.Name, options);
        if (result.Outcome != WriteOutcome.Deleted)
        {
            await scope.RespondAsync(200, scope.Present(result.Object));
            return;
        }

        if (ReturnsDeletedObject.Contains(scope.Resource.StorageKey))
        {
            await scope.RespondAsync(200, scope.Present(result.Object));
            return;
        }

        var details = StatusFactory.ResourceDetails(scope.Resource, scope.Name);
        details["uid"] = ObjectMeta.Uid(result.Object);
        await scope.RespondAsync(200, StatusFactory.Success(details));
    }

    public static async Task HandleCollectionAsync(RequestScope scope)
    {
        var options = await DeleteOptions.ReadAsync(scope);
        ListOptionsValidation.Validate(scope, watch: false);
        var filter = ObjectFilter.From(scope);
        var snapshot = scope.Store.List(scope.Resource);
        var deleted = new List<JsonObject>();
        foreach (var (key, stored) in snapshot.Items.Where(p => filter.InScope(p.Key) && filter.Matches(p.Value)))
        {
            try
            {
                deleted.Add(Delete(scope, ObjectMeta.Name(stored), options, ObjectMeta.Namespace(stored)).Object);
            }
            catch (ApiError error) when (error.Code == 404)
            {
                // Deleted by someone else since the snapshot: nothing left to report.
            }
        }

        var metadata = new JsonObject { ["resourceVersion"] = scope.Store.Revision.ToString(CultureInfo.InvariantCulture) };
        await scope.RespondAsync(200, ListHandler.ListBody(scope, metadata, deleted));
    }

    private static WriteResult Delete(RequestScope scope, string name, DeleteOptions options, string? ns = null)
    {
        var result = scope.Store.Delete(scope.Resource, ns ?? scope.Namespace, name, options.PropagationPolicy, options.DryRun, live => CheckPreconditions(scope, name, live, options));
        if (result.Outcome == WriteOutcome.Deleted && !options.DryRun)
        {
            scope.State.Admission.Release(scope.Resource, result.Object);
            CrdController.AfterDelete(scope, result.Object);
        }

        return result;
    }

    private static void CheckPreconditions(RequestScope scope, string name, JsonObject live, DeleteOptions options)
    {
        var uid = ObjectMeta.Uid(live);
        if (options.PreconditionUid is not null && options.PreconditionUid != uid)
        {
            throw StatusFactory.Conflict(scope.Resource, name, $"the UID in the precondition ({options.PreconditionUid}) does not match the UID in record ({uid}). The object might have been deleted and then recreated");
        }

        var rv = ObjectMeta.ResourceVersion(live);
        if (options.PreconditionResourceVersion is not null && options.PreconditionResourceVersion != rv)
        {
            throw StatusFactory.Conflict(scope.Resource, name, $"the ResourceVersion in the precondition ({options.PreconditionResourceVersion}) does not match the ResourceVersion in record ({rv}). The object might have been modified");
        }
    }
}
