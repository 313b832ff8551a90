using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Keeps one <see cref="ObservedCollection"/> current for every waiter on a kind in a namespace (reference 8): a LIST
/// for the objects and a resourceVersion, then a WATCH of the whole collection from it with bookmarks; a stream that
/// ends or drops is watched again from the last version seen, a 410 lists again. A server that refuses to watch
/// (any other error answer, e.g. 403 or 405) is polled with a LIST every <see cref="KubernetesProviderOptions.PollInterval"/>
/// while anyone waits. A LIST that fails fails the waiters and ends the feed; the next wait starts a new one.
/// </summary>
internal sealed class CollectionFeed : IDisposable
{
    private readonly IKubeClient client;
    private readonly KubeResource resource;
    private readonly string? ns;
    private readonly KubernetesProviderOptions options;
    private readonly CancellationTokenSource stopping = new();

    public CollectionFeed(IKubeClient client, KubeResource resource, string? ns, KubernetesProviderOptions options)
    {
        this.client = client;
        this.resource = resource;
        this.ns = ns;
        this.options = options;
    }

    public ObservedCollection Observed { get; } = new();

    /// <summary>The feed's loop; it ends after <see cref="Stop"/> or when a LIST fails.</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>When the last waiter left (null while someone waits), for ending feeds nobody uses.</summary>
    public DateTimeOffset? IdleSince { get; set; }

    public void Start() => Running = Task.Run(() => RunAsync(stopping.Token));

    /// <summary>Ends the loop and fails whoever still waits with <paramref name="reason"/>.</summary>
    public void Stop(Exception reason)
    {
        Observed.Close(reason);
        stopping.Cancel();
    }

    public void Dispose() => stopping.Dispose();

    private async Task RunAsync(CancellationToken stop)
    {
        var canWatch = resource.Verbs.IsDefaultOrEmpty || resource.Verbs.Contains("watch");
        try
        {
            while (true)
            {
                if (!canWatch && Observed.WaiterCount == 0)
                {
                    // A poll nobody waits on would only cost requests.
                    await Task.Delay(options.PollInterval, stop).ConfigureAwait(false);
                    continue;
                }

                Observed.Load(await client.ListAsync(resource, ns, labelSelector: null, stop).ConfigureAwait(false));
                if (canWatch)
                {
                    canWatch = await FollowAsync(stop).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(options.PollInterval, stop).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            Observed.Close(error);
        }
    }

    /// <summary>Watches from the collection's version until the server sends 410 (true: list again, then watch) or
    /// refuses to watch (false: poll from now on).</summary>
    private async Task<bool> FollowAsync(CancellationToken stop)
    {
        while (true)
        {
            var heard = false;
            try
            {
                await foreach (var change in client.WatchAsync(resource, ns, null, Observed.Version ?? string.Empty, options.WatchTimeout, stop).ConfigureAwait(false))
                {
                    heard = true;
                    Observed.Apply(change);
                }
            }
            catch (KubeApiException error) when (error.Code == 410 || error.Reason is "Expired" or "Gone")
            {
                return true;
            }
            catch (KubeApiException error) when (error.Code == 0 && !stop.IsCancellationRequested)
            {
                // No answer at all (the server is unreachable): list again after a pause; a LIST that fails too
                // tells the waiters.
                await Task.Delay(options.PollInterval, stop).ConfigureAwait(false);
                return true;
            }
            catch (KubeApiException)
            {
                return false;
            }
            catch (Exception error) when (error is HttpRequestException or IOException && !stop.IsCancellationRequested)
            {
                // A dropped stream: watch again from the last version seen.
            }

            if (!heard)
            {
                // A stream that ended without a single event (not even a bookmark) is not retried at once, so a
                // server that closes every watch is not hammered.
                await Task.Delay(options.PollInterval, stop).ConfigureAwait(false);
            }
        }
    }
}
