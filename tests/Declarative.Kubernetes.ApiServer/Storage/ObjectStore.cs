using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>
/// In-memory storage of every object, the global resourceVersion counter and the watch event log. One lock
/// guards everything; stored objects are never changed in place (readers get them shared or cloned), so a list
/// snapshot stays valid after the lock is released.
/// </summary>
public sealed partial class ObjectStore
{
    private const int SnapshotsKept = 64;
    private const string NamespacesKey = "/namespaces";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ImmutableSortedDictionary<string, JsonObject>> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<(string StorageKey, long Revision), ListSnapshot> _snapshots = [];
    private readonly Queue<(string StorageKey, long Revision)> _snapshotOrder = new();
    private readonly EventLog _events;
    private readonly ResourceRegistry _registry;
    private readonly TimeProvider _clock;
    private long _revision;

    public ObjectStore(ResourceRegistry registry, TimeProvider clock, int watchHistory)
    {
        _registry = registry;
        _clock = clock;
        WatchHistory = watchHistory;
        _events = new EventLog(watchHistory);
        var namespaces = registry.Find(string.Empty, "v1", "namespaces")!;
        foreach (var name in NamespaceBootstrap.InitialNamespaces)
        {
            Write(namespaces, null, name, dryRun: false, _ => NamespaceBootstrap.Namespace(name));
        }
    }

    public ResourceRegistry Registry => _registry;

    public TimeProvider Clock => _clock;

    public int WatchHistory { get; }

    /// <summary>Every object created so far, for tests that count duplicate creates.</summary>
    public CreateAudit Creates { get; } = new();

    /// <summary>The ca.crt of every kube-root-ca.crt ConfigMap created from now on.</summary>
    public string RootCaPem { get; set; } = NamespaceBootstrap.PlaceholderCa;

    /// <summary>The current value of the global resourceVersion counter.</summary>
    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public JsonObject? Get(ApiResource resource, string? ns, string name)
    {
        lock (_gate)
        {
            return Collection(resource.StorageKey).TryGetValue(Key(resource, ns, name), out var stored) ? (JsonObject)stored.DeepClone() : null;
        }
    }

    /// <summary>The resource's objects now, at the current revision.</summary>
    public ListSnapshot List(ApiResource resource)
    {
        lock (_gate)
        {
            return new ListSnapshot(_revision, Collection(resource.StorageKey));
        }
    }

    /// <summary>Keeps a snapshot so later pages of a paginated list read the same revision.</summary>
    public void KeepSnapshot(ApiResource resource, ListSnapshot snapshot)
    {
        lock (_gate)
        {
            var id = (resource.StorageKey, snapshot.Revision);
            if (_snapshots.TryAdd(id, snapshot))
            {
                _snapshotOrder.Enqueue(id);
            }

            while (_snapshotOrder.Count > SnapshotsKept)
            {
                _snapshots.Remove(_snapshotOrder.Dequeue());
            }
        }
    }

    /// <summary>A kept snapshot, or null once it has been compacted away (the continue token expired).</summary>
    public ListSnapshot? SnapshotAt(ApiResource resource, long revision)
    {
        lock (_gate)
        {
            return _snapshots.GetValueOrDefault((resource.StorageKey, revision));
        }
    }

    /// <summary>Starts a watch. <paramref name="fromRevision"/> null: synthetic ADDED events for the current objects
    /// first; else only changes after it. Null when that revision is older than the kept history.</summary>
    public WatchSubscription? Watch(ApiResource resource, long? fromRevision, out long compactedRevision)
    {
        lock (_gate)
        {
            compactedRevision = _events.CompactedRevision;
            IReadOnlyList<WatchEvent> initial;
            if (fromRevision is null)
            {
                initial = [.. Collection(resource.StorageKey).Values.Select(o => InitialEvent(resource, o))];
            }
            else if (fromRevision < _events.CompactedRevision)
            {
                return null;
            }
            else
            {
                initial = [.. _events.After(resource.StorageKey, fromRevision.Value)];
            }

            return _events.Subscribe(resource.StorageKey, _revision, initial, Unsubscribe);
        }
    }

    /// <summary>Forgets every object of a collection (a deleted CRD's custom resources) and ends its watches.</summary>
    public void DropCollection(string storageKey)
    {
        lock (_gate)
        {
            _collections.Remove(storageKey);
            _events.CloseAll(storageKey);
        }
    }

    private static WatchEvent InitialEvent(ApiResource resource, JsonObject stored) =>
        new(WatchEvent.Added, resource.StorageKey, long.TryParse(ObjectMeta.ResourceVersion(stored), out var rv) ? rv : 0, stored, null);

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _events.Remove(subscription);
        }
    }

    private ImmutableSortedDictionary<string, JsonObject> Collection(string storageKey) =>
        _collections.GetValueOrDefault(storageKey) ?? ImmutableSortedDictionary.Create<string, JsonObject>(StringComparer.Ordinal);

    private static string Key(ApiResource resource, string? ns, string name) => ObjectMeta.Key(resource.Namespaced ? ns : null, name);

    /// <summary>Forces every lazily parsed node to build its children now, so concurrent readers never race on it.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child);
                }

                break;
        }
    }
}
