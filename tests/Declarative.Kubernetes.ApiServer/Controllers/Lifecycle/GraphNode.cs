using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>One stored object as the garbage collector sees it. <see cref="Object"/> is the store's shared
/// instance: read it, never change it.</summary>
public sealed record GraphNode(ApiResource Resource, JsonObject Object)
{
    public string Uid => ObjectMeta.Uid(Object) ?? string.Empty;

    public string Name => ObjectMeta.Name(Object);

    public string? Namespace => ObjectMeta.Namespace(Object);

    public ObjectKey Key => ObjectKey.Of(Resource, Object);

    public bool IsDeleting => ObjectMeta.IsDeleting(Object);

    public bool HasFinalizer(string finalizer) => ObjectStore.Finalizers(Object).Contains(finalizer);

    public IReadOnlyList<JsonObject> OwnerReferences => OwnerReferencesOf(Object);

    /// <summary>The ownerReference naming <paramref name="ownerUid"/>, if any.</summary>
    public JsonObject? ReferenceTo(string ownerUid) => OwnerReferences.FirstOrDefault(r => Text(r, "uid") == ownerUid);

    public static IReadOnlyList<JsonObject> OwnerReferencesOf(JsonObject obj) =>
        [.. (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>()];

    public static string? Text(JsonObject obj, string field) =>
        obj[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
