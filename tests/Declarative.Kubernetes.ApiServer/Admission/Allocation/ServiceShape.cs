using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Allocation;

/// <summary>What a Service spec needs allocated, by its type (kubernetes pkg/registry/core/service/storage).</summary>
internal static class ServiceShape
{
    public static string Type(JsonObject? spec) => JsonTree.Text(spec, "type") ?? "ClusterIP";

    public static bool NeedsClusterIp(JsonObject? spec) => Type(spec) != "ExternalName";

    public static bool IsHeadless(JsonObject? spec) => JsonTree.Text(spec, "clusterIP") == "None";

    public static bool NeedsNodePorts(JsonObject? spec) =>
        Type(spec) == "NodePort" || (Type(spec) == "LoadBalancer" && JsonTree.Flag(spec, "allocateLoadBalancerNodePorts") != false);

    public static bool NeedsHealthCheck(JsonObject? spec) =>
        Type(spec) == "LoadBalancer" && JsonTree.Text(spec, "externalTrafficPolicy") == "Local";

    /// <summary>The allocated IPs a spec holds: clusterIPs, or clusterIP alone; "None" is no address.</summary>
    public static IReadOnlyList<string> ClusterIps(JsonObject? spec)
    {
        if (spec?["clusterIPs"] is JsonArray list && list.Count > 0)
        {
            return [.. list.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty)];
        }

        return JsonTree.Text(spec, "clusterIP") is { Length: > 0 } single ? [single] : [];
    }

    public static IEnumerable<(JsonObject Port, int Index, int? NodePort)> Ports(JsonObject? spec) =>
        JsonTree.Items(spec, "ports").Select(p => (p.Item, p.Index, (int?)JsonTree.Number(p.Item, "nodePort")));
}
