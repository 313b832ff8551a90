using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Storage;

public sealed partial class ObjectStore
{
    /// <summary>
    /// The one write primitive (etcd's GuaranteedUpdate): under the lock, <paramref name="transform"/> gets a copy of
    /// the stored object (null when absent) and returns the new state, or null to delete it. It may throw
    /// <see cref="ApiError"/>. A result equal to the stored object (managedFields times aside) changes nothing.
    /// </summary>
    public WriteResult Write(ApiResource resource, string? ns, string name, bool dryRun, Func<JsonObject?, JsonObject?> transform)
    {
        lock (_gate)
        {
            var key = Key(resource, ns, name);
            Collection(resource.StorageKey).TryGetValue(key, out var stored);
            var next = transform(stored is null ? null : (JsonObject)stored.DeepClone());
            if (next is null)
            {
                return stored is null ? throw StatusFactory.NotFound(resource, name) : Remove(resource, key, stored, stored, dryRun);
            }

            return stored is null ? Create(resource, key, next, dryRun) : Update(resource, key, stored, next, dryRun, deletion: false);
        }
    }

    private WriteResult Create(ApiResource resource, string key, JsonObject next, bool dryRun)
    {
        var ns = resource.Namespaced ? ObjectMeta.Namespace(next) : null;
        if (ns is not null)
        {
            EnsureNamespaceAccepts(resource, ns, ObjectMeta.Name(next));
        }

        var metadata = ObjectMeta.Metadata(next);
        // The write pipeline gives a uid before admission; objects the store makes itself get one here.
        if (metadata["uid"] is null)
        {
            metadata["uid"] = Guid.NewGuid().ToString();
        }

        metadata["creationTimestamp"] = ObjectMeta.Timestamp(_clock.GetUtcNow());
        metadata.Remove("deletionTimestamp");
        metadata.Remove("resourceVersion");
        if (dryRun)
        {
            return new WriteResult(next, WriteOutcome.Created);
        }

        Store(resource, key, next, WatchEvent.Added, previous: null);
        Creates.Add(new CreatedObject(resource.StorageKey, ns, ObjectMeta.Name(next), metadata["generateName"]?.GetValue<string>(), metadata["labels"]?["declarative.dev/project"]?.GetValue<string>()));
        if (resource.StorageKey == NamespacesKey)
        {
            AddNamespaceDefaults(ObjectMeta.Name(next));
        }

        return new WriteResult((JsonObject)next.DeepClone(), WriteOutcome.Created);
    }

    /// <summary><paramref name="deletion"/>: a DELETE marking the object (it sets deletionTimestamp); any other
    /// write keeps the stored deletion fields and may not add finalizers to a deleting object.</summary>
    private WriteResult Update(ApiResource resource, string key, JsonObject stored, JsonObject next, bool dryRun, bool deletion)
    {
        var metadata = ObjectMeta.Metadata(next);
        foreach (var owned in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds" })
        {
            var kept = stored["metadata"]?[owned];
            if (!deletion || owned is "uid" or "creationTimestamp")
            {
                metadata[owned] = kept?.DeepClone();
            }

            if (metadata[owned] is null)
            {
                metadata.Remove(owned);
            }
        }

        if (!deletion && ObjectMeta.IsDeleting(stored))
        {
            RejectNewFinalizers(resource, stored, next);
        }

        if (ObjectMeta.IsDeleting(next) && !HoldsFinalizers(resource, next))
        {
            // As the registry's deleteWithoutFinalizers: watchers get the last stored state, the writer its own.
            return Remove(resource, key, stored, next, dryRun);
        }

        metadata["resourceVersion"] = ObjectMeta.ResourceVersion(stored);
        if (JsonNode.DeepEquals(WithoutManagedFieldTimes(stored), WithoutManagedFieldTimes(next)))
        {
            return new WriteResult((JsonObject)stored.DeepClone(), WriteOutcome.Unchanged);
        }

        if (dryRun)
        {
            return new WriteResult(next, WriteOutcome.Updated);
        }

        Store(resource, key, next, WatchEvent.Modified, stored);
        return new WriteResult((JsonObject)next.DeepClone(), WriteOutcome.Updated);
    }

    /// <summary>Removes the object: watchers see <paramref name="last"/> (the stored state), the writer gets
    /// <paramref name="response"/>.</summary>
    private WriteResult Remove(ApiResource resource, string key, JsonObject last, JsonObject response, bool dryRun)
    {
        var answer = (JsonObject)response.DeepClone();
        if (dryRun)
        {
            return new WriteResult(answer, WriteOutcome.Deleted);
        }

        _collections[resource.StorageKey] = Collection(resource.StorageKey).Remove(key);
        var deleted = (JsonObject)last.DeepClone();
        var revision = ++_revision;
        ObjectMeta.Metadata(deleted)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        Materialize(deleted);
        _events.Append(new WatchEvent(WatchEvent.Deleted, resource.StorageKey, revision, deleted, null));
        return new WriteResult(answer, WriteOutcome.Deleted);
    }

    private void Store(ApiResource resource, string key, JsonObject next, string eventType, JsonObject? previous)
    {
        var revision = ++_revision;
        ObjectMeta.Metadata(next)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        var stored = (JsonObject)next.DeepClone();
        Materialize(stored);
        _collections[resource.StorageKey] = Collection(resource.StorageKey).SetItem(key, stored);
        _events.Append(new WatchEvent(eventType, resource.StorageKey, revision, stored, previous));
    }

    private void EnsureNamespaceAccepts(ApiResource resource, string ns, string name)
    {
        if (!Collection(NamespacesKey).TryGetValue(ObjectMeta.Key(null, ns), out var namespaceObject))
        {
            throw StatusFactory.NamespaceNotFound(ns);
        }

        if (ObjectMeta.IsDeleting(namespaceObject) || namespaceObject["status"]?["phase"]?.GetValue<string>() == "Terminating")
        {
            var details = StatusFactory.ResourceDetails(resource, name);
            details["causes"] = new JsonArray(new StatusCause("NamespaceTerminating", $"namespace {ns} is being terminated", "metadata.namespace").ToJson());
            throw StatusFactory.Forbidden(
                $"{resource.GroupResource} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated",
                details);
        }
    }

    private void AddNamespaceDefaults(string ns)
    {
        var serviceAccounts = _registry.Find(string.Empty, "v1", "serviceaccounts")!;
        var configMaps = _registry.Find(string.Empty, "v1", "configmaps")!;
        Create(serviceAccounts, ObjectMeta.Key(ns, "default"), NamespaceBootstrap.DefaultServiceAccount(ns), dryRun: false);
        Create(configMaps, ObjectMeta.Key(ns, NamespaceBootstrap.RootCaConfigMap), NamespaceBootstrap.RootCa(ns, RootCaPem), dryRun: false);
    }

    private static JsonObject WithoutManagedFieldTimes(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"]?["managedFields"] is JsonArray entries)
        {
            foreach (var entry in entries.OfType<JsonObject>())
            {
                entry.Remove("time");
            }
        }

        return copy;
    }
}
