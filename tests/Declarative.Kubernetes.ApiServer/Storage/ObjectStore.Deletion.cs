using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>
/// DELETE as the registry store does it (reference 3.6; apiserver store.go Delete,
/// deletionFinalizersForGarbageCollection, markAsDeleting; the namespace store's own Delete).
/// </summary>
public sealed partial class ObjectStore
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";
    public const string NamespaceFinalizer = "kubernetes";

    private const string NamespacePurgeMessage =
        "The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.";

    /// <summary>
    /// Deletes an object: the propagation policy's finalizer is added (Foreground: foregroundDeletion, Orphan:
    /// orphan; null: the type's default, or what the object already carries); with no finalizer left it is
    /// removed at once, otherwise it gets deletionTimestamp and stays until its finalizers are removed. A
    /// Namespace turns Terminating and stays until its spec.finalizers are gone. <paramref name="precondition"/>
    /// sees the live object first and may throw.
    /// </summary>
    public WriteResult Delete(ApiResource resource, string? ns, string name, string? propagationPolicy, bool dryRun, Action<JsonObject>? precondition = null)
    {
        lock (_gate)
        {
            var key = Key(resource, ns, name);
            if (!Collection(resource.StorageKey).TryGetValue(key, out var stored))
            {
                throw StatusFactory.NotFound(resource, name);
            }

            var live = (JsonObject)stored.DeepClone();
            precondition?.Invoke(live);
            var next = resource.StorageKey == NamespacesKey && !resource.IsCustom
                ? TerminateNamespace(resource, live, propagationPolicy)
                : MarkDeleting(resource, live, propagationPolicy);
            return next is null ? Remove(resource, key, stored, stored, dryRun) : Update(resource, key, stored, next, dryRun, deletion: true);
        }
    }

    /// <summary>The object's metadata.finalizers.</summary>
    public static IReadOnlyList<string> Finalizers(JsonObject obj) => Strings(obj["metadata"]?["finalizers"]);

    /// <summary>A Namespace's spec.finalizers (the namespace controller's "kubernetes").</summary>
    public static IReadOnlyList<string> SpecFinalizers(JsonObject obj) => Strings(obj["spec"]?["finalizers"]);

    /// <summary>Sets metadata.finalizers; an empty list is left out, as the API omits it.</summary>
    public static void SetFinalizers(JsonObject obj, IReadOnlyList<string> finalizers)
    {
        var metadata = ObjectMeta.Metadata(obj);
        if (finalizers.Count == 0)
        {
            metadata.Remove("finalizers");
            return;
        }

        metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
    }

    private JsonObject? MarkDeleting(ApiResource resource, JsonObject live, string? policy)
    {
        SetFinalizers(live, WithPolicyFinalizers(Finalizers(live), policy, DefaultPolicy(resource)));
        if (!HoldsFinalizers(resource, live))
        {
            return null;
        }

        var metadata = ObjectMeta.Metadata(live);
        if (!ObjectMeta.IsDeleting(live))
        {
            if (ObjectMeta.Generation(live) > 0)
            {
                metadata["generation"] = ObjectMeta.Generation(live) + 1;
            }

            metadata["deletionTimestamp"] = ObjectMeta.Timestamp(_clock.GetUtcNow());
        }

        metadata["deletionGracePeriodSeconds"] = 0;
        return live;
    }

    /// <summary>The first DELETE of a Namespace marks it Terminating (no grace period); a later one conflicts while
    /// spec.finalizers remain, and otherwise deletes as any object.</summary>
    private JsonObject? TerminateNamespace(ApiResource resource, JsonObject live, string? policy)
    {
        if (ObjectMeta.IsDeleting(live))
        {
            return SpecFinalizers(live).Count > 0
                ? throw StatusFactory.Conflict(resource, ObjectMeta.Name(live), NamespacePurgeMessage)
                : MarkDeleting(resource, live, policy);
        }

        SetFinalizers(live, WithPolicyFinalizers(Finalizers(live), policy, defaultPolicy: null));
        ObjectMeta.Metadata(live)["deletionTimestamp"] = ObjectMeta.Timestamp(_clock.GetUtcNow());
        if (live["status"] is not JsonObject status)
        {
            status = [];
            live["status"] = status;
        }

        status["phase"] = "Terminating";
        return live;
    }

    /// <summary>The v1 ReplicationController orphans by default, for backward compatibility; the rest delete
    /// their dependents in the background.</summary>
    private static string DefaultPolicy(ApiResource resource) =>
        !resource.IsCustom && resource.Group.Length == 0 && resource.Kind == "ReplicationController" ? "Orphan" : "Background";

    /// <summary>An explicit policy decides; without one a finalizer already present does, then the default.</summary>
    private static IReadOnlyList<string> WithPolicyFinalizers(IReadOnlyList<string> current, string? policy, string? defaultPolicy)
    {
        var hasOrphan = current.Contains(OrphanFinalizer);
        var hasForeground = current.Contains(ForegroundFinalizer);
        var orphan = policy is null ? hasOrphan || (!hasForeground && defaultPolicy == "Orphan") : policy == "Orphan";
        var foreground = policy is null ? hasForeground && !hasOrphan : policy == "Foreground";
        List<string> next = [.. current.Where(f => f is not OrphanFinalizer and not ForegroundFinalizer)];
        if (orphan)
        {
            next.Add(OrphanFinalizer);
        }

        if (foreground)
        {
            next.Add(ForegroundFinalizer);
        }

        return next.ToHashSet(StringComparer.Ordinal).SetEquals(current) ? current : next;
    }

    /// <summary>Whether something still holds the object: its finalizers, and for a Namespace its spec.finalizers.</summary>
    private static bool HoldsFinalizers(ApiResource resource, JsonObject obj) =>
        Finalizers(obj).Count > 0 || (resource.StorageKey == NamespacesKey && !resource.IsCustom && SpecFinalizers(obj).Count > 0);

    /// <summary>apimachinery ValidateNoNewFinalizers: a deleting object's finalizers may only shrink.</summary>
    private static void RejectNewFinalizers(ApiResource resource, JsonObject stored, JsonObject next)
    {
        var added = Finalizers(next).Except(Finalizers(stored), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var rendered = $"[]string{{{string.Join(", ", added.Select(f => $"\"{f}\""))}}}";
        throw StatusFactory.Invalid(resource, ObjectMeta.Name(next), [new StatusCause(
            "FieldValueForbidden",
            $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers {rendered}",
            "metadata.finalizers")]);
    }

    private static List<string> Strings(JsonNode? node) =>
        [.. (node as JsonArray ?? []).Select(v => v is JsonValue value && value.TryGetValue(out string? text) ? text : null).OfType<string>()];
}
