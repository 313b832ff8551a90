namespace Declarative.Kubernetes.ApiServer.Discovery;

/// <summary>Whether an Accept header offers aggregated discovery v2: a media range application/json whose
/// parameters include g=apidiscovery.k8s.io, v=v2 and as=APIGroupDiscoveryList, in any order (extra parameters such
/// as profile are allowed).</summary>
public static class AcceptHeader
{
    public static bool OffersAggregatedDiscovery(string? accept) =>
        accept is not null && accept.Split(',').Any(IsAggregatedV2);

    private static bool IsAggregatedV2(string mediaRange)
    {
        var parts = mediaRange.Split(';', StringSplitOptions.TrimEntries);
        if (!string.Equals(parts[0], "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parameters = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return parameters.GetValueOrDefault("g") == "apidiscovery.k8s.io"
            && parameters.GetValueOrDefault("v") == "v2"
            && parameters.GetValueOrDefault("as") == "APIGroupDiscoveryList";
    }
}
