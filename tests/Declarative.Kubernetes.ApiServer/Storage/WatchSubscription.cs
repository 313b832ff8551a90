using System.Threading.Channels;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>A live watch on one collection: <see cref="Initial"/> events first, then <see cref="Events"/> as they
/// happen. Dispose to stop receiving.</summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchEvent> _channel;
    private readonly Action<WatchSubscription> _unsubscribe;

    internal WatchSubscription(string storageKey, long startRevision, IReadOnlyList<WatchEvent> initial, Channel<WatchEvent> channel, Action<WatchSubscription> unsubscribe)
    {
        StorageKey = storageKey;
        StartRevision = startRevision;
        Initial = initial;
        _channel = channel;
        _unsubscribe = unsubscribe;
    }

    public string StorageKey { get; }

    /// <summary>The store's revision when the watch began: every change up to it is in <see cref="Initial"/> or before.</summary>
    public long StartRevision { get; }

    public IReadOnlyList<WatchEvent> Initial { get; }

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    internal ChannelWriter<WatchEvent> Writer => _channel.Writer;

    public void Dispose() => _unsubscribe(this);
}
