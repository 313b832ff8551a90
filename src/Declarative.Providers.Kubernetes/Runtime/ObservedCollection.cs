using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// What one shared feed has seen of a collection (a kind in a namespace): the newest state of each object by name,
/// the resourceVersion the collection is known at, and the waiters on its objects. A waiter is shown a state only
/// once the collection is known at or after the waiter's <see cref="ObjectWaiter.MinimumVersion"/>, so a state
/// cached before an apply never passes for its result. Thread-safe; conditions run under its lock.
/// </summary>
internal sealed class ObservedCollection
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ObjectWaiter>> waitersByName = new(StringComparer.Ordinal);

    /// <summary>Waiters not yet shown any state, because the collection is known only before their minimum.</summary>
    private readonly HashSet<ObjectWaiter> behind = [];
    private string? version;
    private int waiterCount;
    private Exception? closedBy;

    /// <summary>The resourceVersion the collection is known at; null until the first LIST.</summary>
    public string? Version
    {
        get
        {
            lock (gate)
            {
                return version;
            }
        }
    }

    public int WaiterCount
    {
        get
        {
            lock (gate)
            {
                return waiterCount;
            }
        }
    }

    /// <summary>Registers <paramref name="waiter"/> and shows it the state held now; false when the collection was
    /// closed (its feed failed or stopped), so the caller needs a new feed.</summary>
    public bool Add(ObjectWaiter waiter)
    {
        lock (gate)
        {
            if (closedBy is not null)
            {
                return false;
            }

            if (!waitersByName.TryGetValue(waiter.Name, out var named))
            {
                waitersByName[waiter.Name] = named = [];
            }

            named.Add(waiter);
            waiterCount++;
            behind.Add(waiter);
            Show(waiter);
            return true;
        }
    }

    /// <summary>Unregisters <paramref name="waiter"/>; returns how many waiters remain.</summary>
    public int Remove(ObjectWaiter waiter)
    {
        lock (gate)
        {
            if (waitersByName.TryGetValue(waiter.Name, out var named) && named.Remove(waiter))
            {
                waiterCount--;
                behind.Remove(waiter);
                if (named.Count == 0)
                {
                    waitersByName.Remove(waiter.Name);
                }
            }

            return waiterCount;
        }
    }

    /// <summary>Replaces everything held with a LIST's result and shows every waiter its object's state (absent
    /// when the list does not hold it).</summary>
    public void Load(KubeList list)
    {
        lock (gate)
        {
            objects.Clear();
            foreach (var item in list.Items)
            {
                if (JsonText.At(item, "/metadata/name") is { } name)
                {
                    objects[name] = item;
                }
            }

            version = list.ResourceVersion;
            foreach (var waiter in waitersByName.Values.SelectMany(named => named).ToList())
            {
                Show(waiter);
            }
        }
    }

    /// <summary>Takes in one watch event: ADDED/MODIFIED/DELETED change an object and are shown to its waiters;
    /// every event (BOOKMARK too) moves the collection's resourceVersion on.</summary>
    public void Apply(KubeWatchEvent change)
    {
        lock (gate)
        {
            var name = JsonText.At(change.Object, "/metadata/name");
            switch (change.Type)
            {
                case "ADDED" or "MODIFIED" when name is not null:
                    objects[name] = change.Object;
                    break;
                case "DELETED" when name is not null:
                    objects.Remove(name);
                    break;
                case "BOOKMARK":
                    name = null;
                    break;
                default:
                    return;
            }

            version = JsonText.At(change.Object, "/metadata/resourceVersion") ?? version;
            if (name is not null && waitersByName.TryGetValue(name, out var named))
            {
                named.ForEach(Show);
            }

            foreach (var waiter in behind.ToList())
            {
                Show(waiter);
            }
        }
    }

    /// <summary>Fails every waiter with <paramref name="error"/> and refuses new ones: the feed is over.</summary>
    public void Close(Exception error)
    {
        lock (gate)
        {
            closedBy ??= error;
            foreach (var waiter in waitersByName.Values.SelectMany(named => named))
            {
                waiter.Fail(closedBy);
            }
        }
    }

    private void Show(ObjectWaiter waiter)
    {
        if (version is null || !ResourceVersions.IsAtLeast(version, waiter.MinimumVersion))
        {
            return;
        }

        behind.Remove(waiter);
        waiter.Observe(objects.GetValueOrDefault(waiter.Name));
    }
}
