using System.Text.Json.Nodes;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Follows objects until a condition holds through one shared <see cref="CollectionFeed"/> per kind and namespace
/// (DESIGN "Dependencies": a thousand waiting objects cost a LIST and a WATCH per kind and namespace, not a GET and a
/// watch each). A feed starts with the first wait on its collection and ends once nobody has waited on it for
/// <see cref="KubernetesProviderOptions.SharedWatchLinger"/>, or when the watcher is disposed.
/// </summary>
internal sealed class ObjectWatcher(IKubeClient client, KubernetesProviderOptions options) : IAsyncDisposable, IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Group, string Version, string Plural, string? Namespace), CollectionFeed> feeds = [];
    private readonly List<CollectionFeed> started = [];
    private ITimer? idleCheck;
    private bool disposed;

    /// <summary>Returns once <paramref name="isDone"/> holds for an observed state (null: the object is absent) no
    /// older than <paramref name="minimumVersion"/> (the resourceVersion the caller applied or read; null: any).
    /// Only cancellation, or a LIST the server refuses, ends it otherwise.</summary>
    public async Task WatchUntilAsync(KubeResource resource, string? ns, string name, string? minimumVersion, Func<JsonObject?, bool> isDone, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new ObjectWaiter(name, minimumVersion, isDone);
        var feed = Join(resource, ns, waiter);
        try
        {
            await waiter.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave(feed, waiter);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var running = StopAll();
        await Task.WhenAll(running.Select(feed => feed.Running)).ConfigureAwait(false);
        running.ForEach(feed => feed.Dispose());
    }

    /// <summary>Stops every feed and waits (briefly) for their loops to end, for hosts that dispose synchronously.</summary>
    public void Dispose()
    {
        var running = StopAll();
        Task.WaitAll([.. running.Select(feed => feed.Running)], TimeSpan.FromSeconds(10));
        foreach (var feed in running.Where(feed => feed.Running.IsCompleted))
        {
            feed.Dispose();
        }
    }

    /// <summary>Registers the waiter with its collection's feed, starting one when there is none (or the last one
    /// ended).</summary>
    private CollectionFeed Join(KubeResource resource, string? ns, ObjectWaiter waiter)
    {
        var key = (resource.Group, resource.Version, resource.Plural, ns);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (feeds.TryGetValue(key, out var feed) && feed.Observed.Add(waiter))
            {
                feed.IdleSince = null;
                return feed;
            }

            feed = new CollectionFeed(client, resource, ns, options);
            feed.Observed.Add(waiter);
            feeds[key] = feed;
            foreach (var ended in started.Where(f => f.Running.IsCompleted).ToList())
            {
                started.Remove(ended);
                ended.Dispose();
            }

            started.Add(feed);
            feed.Start();
            return feed;
        }
    }

    private void Leave(CollectionFeed feed, ObjectWaiter waiter)
    {
        lock (gate)
        {
            if (feed.Observed.Remove(waiter) == 0 && !disposed)
            {
                feed.IdleSince = options.TimeProvider.GetUtcNow();
                if (idleCheck is null)
                {
                    idleCheck = options.TimeProvider.CreateTimer(_ => StopIdle(), null, options.SharedWatchLinger, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    /// <summary>Ends the feeds nobody has waited on for the linger time, and checks again when the next idle one
    /// reaches it.</summary>
    private void StopIdle()
    {
        lock (gate)
        {
            idleCheck?.Dispose();
            idleCheck = null;
            if (disposed)
            {
                return;
            }

            var now = options.TimeProvider.GetUtcNow();
            TimeSpan? next = null;
            foreach (var (key, feed) in feeds.ToList())
            {
                if (feed.IdleSince is not { } since)
                {
                    continue;
                }

                var left = options.SharedWatchLinger - (now - since);
                if (left <= TimeSpan.Zero)
                {
                    feeds.Remove(key);
                    feed.Stop(new ObjectDisposedException(nameof(ObjectWatcher), "The shared watch ended for lack of waiters."));
                }
                else
                {
                    next = next is { } soonest && soonest < left ? soonest : left;
                }
            }

            if (next is { } due)
            {
                idleCheck = options.TimeProvider.CreateTimer(_ => StopIdle(), null, due, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>How many feed loops are still running (ended feeds included until their loop returns), for tests
    /// that check nothing outlives the waits.</summary>
    internal int RunningFeeds
    {
        get
        {
            lock (gate)
            {
                return started.Count(feed => !feed.Running.IsCompleted);
            }
        }
    }

    private List<CollectionFeed> StopAll()
    {
        lock (gate)
        {
            disposed = true;
            idleCheck?.Dispose();
            idleCheck = null;
            feeds.Clear();
            var running = started.ToList();
            started.Clear();
            running.ForEach(feed => feed.Stop(new ObjectDisposedException(nameof(KubernetesProvider), "The Kubernetes provider was disposed while waiting on an object.")));
            return running;
        }
    }
}
