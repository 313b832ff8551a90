using System.Threading.Channels;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>The bounded history of changes and the live watchers. Not thread-safe: the store calls it under its lock.</summary>
internal sealed class EventLog(int capacity)
{
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<WatchSubscription> _subscribers = [];

    /// <summary>The newest revision no longer in the history: a watch from an older one cannot be served.</summary>
    public long CompactedRevision { get; private set; }

    public void Append(WatchEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > Math.Max(1, capacity))
        {
            CompactedRevision = _history.Dequeue().Revision;
        }

        foreach (var subscriber in _subscribers.Where(s => s.StorageKey == change.StorageKey))
        {
            subscriber.Writer.TryWrite(change);
        }
    }

    public IEnumerable<WatchEvent> After(string storageKey, long revision) =>
        _history.Where(e => e.StorageKey == storageKey && e.Revision > revision);

    public WatchSubscription Subscribe(string storageKey, long startRevision, IReadOnlyList<WatchEvent> initial, Action<WatchSubscription> unsubscribe)
    {
        var channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });
        var subscription = new WatchSubscription(storageKey, startRevision, initial, channel, unsubscribe);
        _subscribers.Add(subscription);
        return subscription;
    }

    public void Remove(WatchSubscription subscription)
    {
        _subscribers.Remove(subscription);
        subscription.Writer.TryComplete();
    }

    /// <summary>Ends every watch on a collection that stopped being served (a deleted CRD).</summary>
    public void CloseAll(string storageKey)
    {
        foreach (var subscriber in _subscribers.Where(s => s.StorageKey == storageKey).ToList())
        {
            Remove(subscriber);
        }
    }
}
