using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Config;
using Declarative.Providers.Kubernetes.Discovery;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>
/// <see cref="IKubeClient"/> over HttpClient and System.Text.Json. Discovery maps kinds to paths; every request
/// goes through <see cref="KubeTransport"/> (retries, optional rate limit, Status errors).
/// </summary>
public sealed class KubeClient : IKubeClient, IDisposable
{
    private const string ApplyPatch = "application/apply-patch+yaml";

    private readonly HttpClient _http;
    private readonly KubeTransport _transport;
    private readonly KubeDiscovery _discovery;
    private readonly KubeLister _lister;

    public KubeClient(HttpMessageHandler handler, Uri server, KubeClientOptions options)
    {
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _transport = new KubeTransport(_http, server, options);
        _discovery = new KubeDiscovery(_transport);
        _lister = new KubeLister(_transport);
    }

    public Uri Server => _transport.Server;

    /// <summary>A client for <paramref name="target"/> with its TLS settings and credentials.</summary>
    public static KubeClient Create(KubeTarget target, KubeClientOptions? options = null)
    {
        options ??= KubeClientOptions.Default;
        return new KubeClient(KubeHandlerFactory.Create(target, options.Clock), target.Server, options);
    }

    public Task<KubeResource> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        _discovery.ResolveAsync(apiVersion, kind, cancellationToken);

    public Task<KubeResource> ResolveKindAsync(string group, string kind, CancellationToken cancellationToken) =>
        _discovery.ResolveKindAsync(group, kind, cancellationToken);

    public Task<ImmutableArray<KubeResource>> ServedResourcesAsync(CancellationToken cancellationToken) =>
        _discovery.ServedResourcesAsync(cancellationToken);

    public async Task<JsonObject?> GetAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        var request = new KubeRequest("get", resource, ns, name);
        var url = _transport.Url(KubePaths.Item(resource, ns, name));
        try
        {
            return await SendForObjectAsync(request, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        }
        catch (KubeApiException ex) when (IsObjectAbsent(ex))
        {
            return null;
        }
    }

    public Task<KubeList> ListAsync(KubeResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken) =>
        _lister.ListAsync(resource, ns, labelSelector, cancellationToken);

    public async Task<JsonObject> ApplyAsync(KubeResource resource, JsonObject obj, KubeApplyOptions options, CancellationToken cancellationToken)
    {
        var (ns, name) = Identity(resource, obj);
        var request = new KubeRequest("apply", resource, ns, name);
        var query = KubePaths.Query(
            ("fieldManager", options.FieldManager),
            ("force", options.Force ? "true" : "false"),
            ("fieldValidation", _transport.Options.FieldValidation),
            ("dryRun", options.DryRun ? "All" : null));
        var url = _transport.Url(KubePaths.Item(resource, ns, name), query);
        var body = obj.ToJsonString();
        return await SendForObjectAsync(request, () => WithBody(HttpMethod.Patch, url, body, ApplyPatch), cancellationToken);
    }

    public async Task<bool> DeleteAsync(KubeResource resource, string? ns, string name, DeletePropagation propagation, CancellationToken cancellationToken)
    {
        var request = new KubeRequest("delete", resource, ns, name);
        var url = _transport.Url(KubePaths.Item(resource, ns, name));
        var body = new JsonObject
        {
            ["kind"] = "DeleteOptions",
            ["apiVersion"] = "v1",
            ["propagationPolicy"] = propagation.ToString(),
        }.ToJsonString();
        try
        {
            using var response = await _transport.SendAsync(request, () => WithBody(HttpMethod.Delete, url, body, "application/json"), false, cancellationToken);
            return true;
        }
        catch (KubeApiException ex) when (IsObjectAbsent(ex))
        {
            return false;
        }
    }

    public async IAsyncEnumerable<KubeWatchEvent> WatchAsync(
        KubeResource resource,
        string? ns,
        string? name,
        string resourceVersion,
        TimeSpan timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new KubeRequest("watch", resource, ns, name);
        var query = KubePaths.Query(
            ("watch", "1"),
            ("resourceVersion", resourceVersion),
            ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture)),
            ("fieldSelector", name is null ? null : $"metadata.name={name}"));
        var url = _transport.Url(KubePaths.Collection(resource, ns), query);
        var response = await _transport.SendAsync(request, () => new HttpRequestMessage(HttpMethod.Get, url), streaming: true, cancellationToken);
        await foreach (var watchEvent in KubeWatchReader.ReadAsync(response, request, cancellationToken))
        {
            yield return watchEvent;
        }
    }

    public async Task<JsonObject> JsonPatchAsync(KubeResource resource, string? ns, string name, JsonArray operations, string fieldManager, CancellationToken cancellationToken)
    {
        var request = new KubeRequest("patch", resource, ns, name);
        var url = _transport.Url(KubePaths.Item(resource, ns, name), KubePaths.Query(("fieldManager", fieldManager)));
        var body = operations.ToJsonString();
        return await SendForObjectAsync(request, () => WithBody(HttpMethod.Patch, url, body, "application/json-patch+json"), cancellationToken);
    }

    /// <summary>POST create. Not retried blindly: after a transient failure the object is looked up first, so a
    /// create the server did carry out is never sent twice.</summary>
    internal Task<JsonObject> CreateAsync(KubeResource resource, JsonObject obj, CancellationToken cancellationToken) =>
        CreateAsync(resource, obj, new KubeCreateOptions(), cancellationToken);

    public async Task<JsonObject> CreateAsync(KubeResource resource, JsonObject obj, KubeCreateOptions options, CancellationToken cancellationToken)
    {
        var (ns, name) = Identity(resource, obj);
        var request = new KubeRequest("create", resource, ns, name);
        var query = KubePaths.Query(
            ("fieldManager", options.FieldManager),
            ("fieldValidation", _transport.Options.FieldValidation),
            ("dryRun", options.DryRun ? "All" : null));
        var url = _transport.Url(KubePaths.Collection(resource, ns), query);
        var body = obj.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendForObjectAsync(request, () => WithBody(HttpMethod.Post, url, body, "application/json"), cancellationToken);
            }
            catch (Exception ex) when (attempt < _transport.Options.Retry.MaxAttempts && RetryableCreateFailure(ex))
            {
                await Task.Delay(_transport.Options.Retry.DelayAfter(attempt, null), _transport.Options.Retry.Clock, cancellationToken);

                // A dry run stores nothing, so it is simply sent again; the object a real create finds is its own.
                if (!options.DryRun && await GetAsync(resource, ns, name, cancellationToken) is { } created)
                {
                    return created;
                }
            }
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The answer parsed from the response stream: no copy of the body as a string.</summary>
    private Task<JsonObject> SendForObjectAsync(KubeRequest request, Func<HttpRequestMessage> build, CancellationToken cancellationToken) =>
        _transport.ReadAsync(
            request,
            build,
            async (stream, _, token) => await JsonNode.ParseAsync(stream, cancellationToken: token) as JsonObject ?? [],
            cancellationToken);

    private static HttpRequestMessage WithBody(HttpMethod method, Uri url, string body, string contentType) => new(method, url)
    {
        Content = new StringContent(body, Encoding.UTF8, new System.Net.Http.Headers.MediaTypeHeaderValue(contentType)),
    };

    private static (string? Namespace, string Name) Identity(KubeResource resource, JsonObject obj)
    {
        var name = KubeErrors.Text(obj["metadata"]?["name"])
            ?? throw new ArgumentException($"The {resource.Kind} object has no metadata.name.", nameof(obj));
        return (resource.Namespaced ? KubeErrors.Text(obj["metadata"]?["namespace"]) : null, name);
    }

    /// <summary>A 404 about the object (its Status names it), not about an unserved resource type.</summary>
    private static bool IsObjectAbsent(KubeApiException ex) =>
        ex.IsNotFound && ex.Status?["details"]?["name"] is not null;

    private static bool RetryableCreateFailure(Exception ex) =>
        ex is KubeApiException { Code: 0, InnerException: { } inner } ? KubeTransport.Transient(inner, CancellationToken.None)
        : ex is KubeApiException api && KubeTransport.Retryable(api.Code);
}
