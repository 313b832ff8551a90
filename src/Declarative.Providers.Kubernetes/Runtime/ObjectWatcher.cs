using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Follows one object until a condition holds (reference 8): GET, then watch by name from its resourceVersion; on
/// 410 or the end of the stream GET again and re-watch; when the server refuses to watch, poll.
/// </summary>
internal sealed class ObjectWatcher(IKubeClient client, KubernetesProviderOptions options)
{
    /// <summary>Returns once <paramref name="isDone"/> holds for an observed state (null: the object is absent).
    /// Only cancellation ends it otherwise.</summary>
    public async Task WatchUntilAsync(KubeResource resource, string? ns, string name, Func<JsonObject?, bool> isDone, CancellationToken cancellationToken)
    {
        var canWatch = resource.Verbs.IsDefaultOrEmpty || resource.Verbs.Contains("watch");
        while (true)
        {
            var current = await client.GetAsync(resource, ns, name, cancellationToken).ConfigureAwait(false);
            if (isDone(current))
            {
                return;
            }

            var resourceVersion = JsonText.At(current, "/metadata/resourceVersion");
            if (!canWatch || resourceVersion is null)
            {
                await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var outcome = await WatchOnceAsync(resource, ns, name, resourceVersion, isDone, cancellationToken).ConfigureAwait(false);
            if (outcome == WatchOutcome.Done)
            {
                return;
            }

            canWatch = outcome != WatchOutcome.Refused;
            if (outcome != WatchOutcome.Changed)
            {
                await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<WatchOutcome> WatchOnceAsync(KubeResource resource, string? ns, string name, string resourceVersion, Func<JsonObject?, bool> isDone, CancellationToken cancellationToken)
    {
        var sawChange = false;
        try
        {
            await foreach (var change in client.WatchAsync(resource, ns, name, resourceVersion, options.WatchTimeout, cancellationToken).ConfigureAwait(false))
            {
                if (change.Type is not ("ADDED" or "MODIFIED" or "DELETED"))
                {
                    continue;
                }

                sawChange = true;
                if (isDone(change.Type == "DELETED" ? null : change.Object))
                {
                    return WatchOutcome.Done;
                }
            }
        }
        catch (KubeApiException error) when (error.Code == 410 || error.Reason == "Expired")
        {
            return WatchOutcome.Changed;
        }
        catch (KubeApiException)
        {
            return WatchOutcome.Refused;
        }
        catch (Exception error) when (error is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // A dropped stream: GET again and re-watch.
            return WatchOutcome.Quiet;
        }

        return sawChange ? WatchOutcome.Changed : WatchOutcome.Quiet;
    }

    private enum WatchOutcome
    {
        Done,
        Changed,
        Quiet,
        Refused,
    }
}
