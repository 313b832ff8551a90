using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Discovery;

/// <summary>
/// Maps apiVersion + kind to a served resource (reference 2.4). Asks for aggregated discovery first and falls
/// back to the legacy documents of the one group/version needed; keeps the answer for the run and on disk.
/// A miss refreshes from the server once, so a CRD created earlier in the run is found.
/// </summary>
internal sealed class KubeDiscovery(KubeTransport transport)
{
    private const string AggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DiscoveryDiskCache? _disk = transport.Options.DiscoveryCacheDirectory is { } directory
        ? new DiscoveryDiskCache(directory, transport.Server, transport.Options.DiscoveryCacheTtl, transport.Options.Clock)
        : null;

    private DiscoverySnapshot? _snapshot;
    private bool _aggregatedUnavailable = !transport.Options.AggregatedDiscovery;

    public async Task<KubeResource> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot) ?? await InitialAsync(cancellationToken);
        if (snapshot.Knows(apiVersion) && snapshot.Find(apiVersion, kind) is { } known)
        {
            return known;
        }

        snapshot = await RefreshAsync(apiVersion, cancellationToken);
        return snapshot.Find(apiVersion, kind) ?? throw NotServed(apiVersion, kind);
    }

    /// <summary>The kind in its group's preferred version: the legacy group document lists versions in preference
    /// order on every server, so it decides.</summary>
    public async Task<KubeResource> ResolveKindAsync(string group, string kind, CancellationToken cancellationToken)
    {
        var versions = group.Length == 0 ? ["v1"] : await GroupVersionsAsync(group, cancellationToken);
        foreach (var version in versions)
        {
            var apiVersion = group.Length == 0 ? version : $"{group}/{version}";
            try
            {
                return await ResolveAsync(apiVersion, kind, cancellationToken);
            }
            catch (KubeApiException ex) when (ex.IsNotFound)
            {
                // Not in this version: try the next preferred one.
            }
        }

        throw NotServed(group.Length == 0 ? "v1" : group, kind);
    }

    /// <summary>Every resource the server serves, each group in its preferred version (what <c>kubectl
    /// api-resources</c> lists): the legacy group list names the preferred versions, the snapshot has their resources.</summary>
    public async Task<ImmutableArray<KubeResource>> ServedResourcesAsync(CancellationToken cancellationToken)
    {
        var groups = await GetAsync("/apis", "application/json", cancellationToken);
        var apiVersions = new List<string> { "v1" };
        apiVersions.AddRange((groups?.Body["groups"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(g => g["preferredVersion"]?["groupVersion"]?.GetValue<string>())
            .OfType<string>());
        var served = ImmutableArray.CreateBuilder<KubeResource>();
        foreach (var apiVersion in apiVersions.Distinct(StringComparer.Ordinal))
        {
            var snapshot = Volatile.Read(ref _snapshot) ?? await InitialAsync(cancellationToken);
            if (!snapshot.GroupVersions.TryGetValue(apiVersion, out var resources))
            {
                snapshot = await RefreshAsync(apiVersion, cancellationToken);
                resources = snapshot.GroupVersions.GetValueOrDefault(apiVersion, []);
            }

            served.AddRange(resources);
        }

        return served.ToImmutable();
    }

    private async Task<IReadOnlyList<string>> GroupVersionsAsync(string group, CancellationToken cancellationToken)
    {
        var document = await GetAsync($"/apis/{group}", "application/json", cancellationToken);
        if (document is not { } found)
        {
            return [];
        }

        var preferred = found.Body["preferredVersion"]?["version"]?.GetValue<string>();
        var listed = (found.Body["versions"] as JsonArray ?? []).Select(v => v?["version"]?.GetValue<string>()).OfType<string>();
        return [.. new[] { preferred }.OfType<string>().Concat(listed).Distinct(StringComparer.Ordinal)];
    }

    private async Task<DiscoverySnapshot> InitialAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = _snapshot ?? _disk?.Load() ?? DiscoverySnapshot.Empty;
            Volatile.Write(ref _snapshot, snapshot);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DiscoverySnapshot> RefreshAsync(string apiVersion, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await FetchAggregatedAsync(cancellationToken)
                ?? (_snapshot ?? DiscoverySnapshot.Empty).With(apiVersion, await FetchLegacyAsync(apiVersion, cancellationToken)) with { Complete = false };
            Volatile.Write(ref _snapshot, snapshot);
            _disk?.Save(snapshot);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DiscoverySnapshot?> FetchAggregatedAsync(CancellationToken cancellationToken)
    {
        if (_aggregatedUnavailable)
        {
            return null;
        }

        // Both documents at once: one round trip instead of two.
        var coreRead = GetAsync("/api", AggregatedAccept, cancellationToken);
        var namedRead = GetAsync("/apis", AggregatedAccept, cancellationToken);
        await Task.WhenAll(coreRead, namedRead);
        var (core, named) = (await coreRead, await namedRead);
        if (core is not { Aggregated: true } || named is not { Aggregated: true })
        {
            _aggregatedUnavailable = true;
            return null;
        }

        var groupVersions = DiscoveryDocuments.Aggregated(core.Value.Body).Concat(DiscoveryDocuments.Aggregated(named.Value.Body))
            .GroupBy(entry => entry.ApiVersion, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Resources, StringComparer.Ordinal);
        return new DiscoverySnapshot(groupVersions.ToImmutableDictionary(StringComparer.Ordinal), Complete: true);
    }

    private async Task<ImmutableArray<KubeResource>> FetchLegacyAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var (group, version) = Split(apiVersion);
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        var document = await GetAsync(path, "application/json", cancellationToken);
        return document is { } found ? DiscoveryDocuments.Legacy(found.Body, group, version) : [];
    }

    /// <summary>The document, or null when the server does not serve the path (404).</summary>
    private async Task<(JsonObject Body, bool Aggregated)?> GetAsync(string path, string accept, CancellationToken cancellationToken)
    {
        var request = new KubeRequest("get", null, null, null);
        try
        {
            return await transport.ReadAsync<(JsonObject Body, bool Aggregated)?>(
                request,
                () => Get(path, accept),
                async (stream, headers, token) => (await JsonNode.ParseAsync(stream, cancellationToken: token) as JsonObject ?? [], IsAggregated(headers.ContentType)),
                cancellationToken);
        }
        catch (KubeApiException ex) when (ex.Code == 404)
        {
            return null;
        }
    }

    private HttpRequestMessage Get(string path, string accept)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, transport.Url(path));
        message.Headers.TryAddWithoutValidation("Accept", accept);
        return message;
    }

    private static bool IsAggregated(MediaTypeHeaderValue? contentType)
    {
        var parameters = contentType?.Parameters.ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Value?.Trim('"'), StringComparer.Ordinal);
        return parameters is not null
            && parameters.GetValueOrDefault("g") == "apidiscovery.k8s.io"
            && parameters.GetValueOrDefault("v") == "v2"
            && parameters.GetValueOrDefault("as") == "APIGroupDiscoveryList";
    }

    internal static (string Group, string Version) Split(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    private KubeApiException NotServed(string apiVersion, string kind) => new(
        404,
        "NotFound",
        $"The Kubernetes API server at {transport.Server} does not serve kind \"{kind}\" in apiVersion \"{apiVersion}\". Check the apiVersion and kind (run `kubectl api-resources` to list what the server serves), or install the CRD that defines it.");
}
