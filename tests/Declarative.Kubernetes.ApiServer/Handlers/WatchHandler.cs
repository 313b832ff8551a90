using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>GET ?watch=1: newline-delimited events in a chunked 200 stream (reference section 8).</summary>
internal static class WatchHandler
{
    private const int DefaultTimeoutSeconds = 1800;
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromSeconds(1);

    public static async Task HandleAsync(RequestScope scope)
    {
        if (scope.State.Faults.WatchDisabled)
        {
            throw StatusFactory.MethodNotAllowed("the server does not allow this method on the requested resource");
        }

        ListOptionsValidation.Validate(scope, watch: true);
        var filter = ObjectFilter.From(scope);
        var from = ParseRevision(scope.Query("resourceVersion"));
        var timeout = TimeSpan.FromSeconds(ParseTimeout(scope.Query("timeoutSeconds")));
        using var subscription = scope.Store.Watch(scope.Resource, from, out var compacted);
        scope.Context.Response.StatusCode = 200;
        scope.Context.Response.ContentType = "application/json";
        await scope.Context.Response.StartAsync(scope.Context.RequestAborted);
        await scope.Context.Response.Body.FlushAsync(scope.Context.RequestAborted);
        if (subscription is null)
        {
            var expired = StatusFactory.Failure(410, "Expired", $"too old resource version: {from} ({compacted + 1})");
            await WriteEventAsync(scope, "ERROR", expired);
            return;
        }

        await StreamAsync(scope, subscription, filter, timeout);
    }

    private static async Task StreamAsync(RequestScope scope, WatchSubscription subscription, ObjectFilter filter, TimeSpan timeout)
    {
        var bookmarks = scope.Flag("allowWatchBookmarks");
        var lastRevision = subscription.StartRevision;
        foreach (var change in subscription.Initial)
        {
            await SendAsync(scope, filter, change);
            lastRevision = Math.Max(lastRevision, change.Revision);
        }

        using var ends = CancellationTokenSource.CreateLinkedTokenSource(scope.Context.RequestAborted);
        ends.CancelAfter(timeout);
        try
        {
            while (!ends.IsCancellationRequested)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(ends.Token);
                tick.CancelAfter(BookmarkInterval);
                try
                {
                    var change = await subscription.Events.ReadAsync(tick.Token);
                    await SendAsync(scope, filter, change);
                    lastRevision = change.Revision;
                }
                catch (OperationCanceledException) when (!ends.IsCancellationRequested && bookmarks)
                {
                    await WriteBookmarkAsync(scope, lastRevision);
                }
                catch (OperationCanceledException) when (!ends.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException) when (ends.IsCancellationRequested)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            return;
        }

        if (bookmarks && !scope.Context.RequestAborted.IsCancellationRequested)
        {
            await WriteBookmarkAsync(scope, lastRevision);
        }
    }

    /// <summary>A change that moves an object into or out of the selection reads as ADDED or DELETED.</summary>
    private static Task SendAsync(RequestScope scope, ObjectFilter filter, WatchEvent change)
    {
        var now = filter.Matches(change.Object);
        var before = change.Previous is not null && filter.Matches(change.Previous);
        var type = (change.Type, now, before) switch
        {
            (WatchEvent.Modified, true, false) => WatchEvent.Added,
            (WatchEvent.Modified, false, true) => WatchEvent.Deleted,
            (WatchEvent.Modified, false, false) => null,
            (_, false, _) => null,
            _ => change.Type,
        };
        return type is null ? Task.CompletedTask : WriteEventAsync(scope, type, scope.Present(change.Object));
    }

    private static Task WriteBookmarkAsync(RequestScope scope, long revision) =>
        WriteEventAsync(scope, "BOOKMARK", new JsonObject
        {
            ["kind"] = scope.Resource.Kind,
            ["apiVersion"] = scope.Resource.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
        });

    private static async Task WriteEventAsync(RequestScope scope, string type, JsonObject obj)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await scope.Context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), scope.Context.RequestAborted);
        await scope.Context.Response.Body.FlushAsync(scope.Context.RequestAborted);
    }

    private static long? ParseRevision(string? text)
    {
        if (string.IsNullOrEmpty(text) || text == "0")
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw StatusFactory.BadRequest($"resourceVersion: Invalid value: \"{text}\": strconv.ParseUint: parsing \"{text}\": invalid syntax");
    }

    private static int ParseTimeout(string? text) =>
        text is null ? DefaultTimeoutSeconds
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 ? (seconds == 0 ? DefaultTimeoutSeconds : seconds)
        : throw StatusFactory.BadRequest($"invalid timeoutSeconds: {text}");
}
