using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Patching;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers;

/// <summary>
/// What a controller may do: read the store, and write through the same admission and managedFields rules as
/// API requests (manager <see cref="Manager"/>), so watchers and kubectl see the writes of a real controller.
/// </summary>
public sealed class ControllerContext(ApiServerState state, string manager)
{
    private readonly FieldManager _fields = new();

    public ApiServerState State => state;

    public ObjectStore Store => state.Store;

    public string Manager => manager;

    public DateTimeOffset Now => state.Clock.GetUtcNow();

    /// <summary>The preferred served version of (group, plural).</summary>
    public ApiResource Resource(string group, string plural) =>
        state.Registry.All.FirstOrDefault(r => r.Group == group && r.Plural == plural)
        ?? throw new InvalidOperationException($"{plural}.{group} is not served.");

    public ApiResource Resource(ObjectKey key) => Resource(key.Group, key.Plural);

    public JsonObject? Get(ObjectKey key) => Store.Get(Resource(key), key.Namespace, key.Name);

    /// <summary>Objects of a collection, in one namespace or (null) all.</summary>
    public IEnumerable<JsonObject> List(ApiResource resource, string? ns) =>
        Store.List(resource).Items.Values.Where(o => ns is null || ObjectMeta.Namespace(o) == ns);

    /// <summary>Creates an object as a POST would (uid, defaults, generation); null when it exists already.</summary>
    public JsonObject? Create(ApiResource resource, JsonObject obj)
    {
        var next = (JsonObject)obj.DeepClone();
        ObjectMeta.Metadata(next)["uid"] = Guid.NewGuid().ToString();
        var prepared = state.Admission.PrepareForCreate(resource, next);
        if (state.Admission.TracksGeneration(resource))
        {
            ObjectMeta.Metadata(prepared)["generation"] = 1;
        }

        prepared = _fields.RecordUpdate(new UpdateRequest(resource, null, prepared, manager, null, Now));
        try
        {
            return Store.Write(resource, ObjectMeta.Namespace(prepared), ObjectMeta.Name(prepared), false, current =>
                current is null ? prepared : throw StatusFactory.AlreadyExists(resource, ObjectMeta.Name(prepared))).Object;
        }
        catch (ApiError)
        {
            state.Admission.Release(resource, prepared);
            return null;
        }
    }

    /// <summary>Changes an object's spec or metadata as a PUT would (admission, generation); null when it is gone.
    /// <paramref name="change"/> gets a copy to modify.</summary>
    public JsonObject? Update(ObjectKey key, Action<JsonObject> change) => Write(key, subresource: null, change);

    /// <summary>Changes only the status, as a write to /status would.</summary>
    public JsonObject? UpdateStatus(ObjectKey key, Action<JsonObject> change) => Write(key, "status", change);

    /// <summary>Changes the status and metadata.annotations, as the Deployment status strategy lets a /status
    /// write do: the deployment controller records its revision annotation so, without bumping the generation.</summary>
    public JsonObject? UpdateStatusAndAnnotations(ObjectKey key, Action<JsonObject> change) => Write(key, "status", change, keepAnnotations: true);

    /// <summary>Deletes the object at once, as the garbage collector's final delete does (finalizers are the
    /// caller's business); frees what admission allocated. False when it was already gone.</summary>
    public bool Delete(ObjectKey key)
    {
        var resource = Resource(key);
        try
        {
            var removed = Store.Write(resource, key.Namespace, key.Name, false, _ => null).Object;
            state.Admission.Release(resource, removed);
            return true;
        }
        catch (ApiError error) when (error.Code == 404)
        {
            return false;
        }
    }

    private JsonObject? Write(ObjectKey key, string? subresource, Action<JsonObject> change, bool keepAnnotations = false)
    {
        var resource = Resource(key);
        JsonObject? written = null;
        try
        {
            written = Store.Write(resource, key.Namespace, key.Name, false, current => current is null
                ? throw StatusFactory.NotFound(resource, key.Name)
                : Prepare(resource, current, subresource, change, keepAnnotations)).Object;
        }
        catch (ApiError error) when (error.Code == 404)
        {
            return null;
        }

        return written;
    }

    private JsonObject Prepare(ApiResource resource, JsonObject current, string? subresource, Action<JsonObject> change, bool keepAnnotations)
    {
        var next = (JsonObject)current.DeepClone();
        change(next);
        var prepared = subresource == "status"
            ? state.Admission.PrepareStatusUpdate(resource, current, next)
            : state.Admission.PrepareForUpdate(resource, current, next);
        if (keepAnnotations && next["metadata"]?["annotations"] is { } annotations)
        {
            ObjectMeta.Metadata(prepared)["annotations"] = annotations.DeepClone();
        }
        if (state.Admission.TracksGeneration(resource))
        {
            // A /status write never bumps the generation, even when it carries annotations.
            var bump = subresource != "status" && state.Admission.ChangesGeneration(resource, current, prepared) ? 1 : 0;
            ObjectMeta.Metadata(prepared)["generation"] = Math.Max(1, ObjectMeta.Generation(current)) + bump;
        }

        return _fields.RecordUpdate(new UpdateRequest(resource, current, prepared, manager, subresource, Now));
    }
}
