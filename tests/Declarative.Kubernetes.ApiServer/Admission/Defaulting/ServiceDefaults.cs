using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>Service defaults that need no allocation (SetDefaults_Service); addresses and node ports come from
/// <see cref="Allocation.ServiceAllocations"/>.</summary>
internal static class ServiceDefaults
{
    public static void Apply(JsonObject spec)
    {
        JsonTree.Default(spec, "type", "ClusterIP");
        var type = JsonTree.Text(spec, "type");
        JsonTree.Default(spec, "sessionAffinity", "None");
        if (JsonTree.Text(spec, "sessionAffinity") == "ClientIP" && JsonTree.Child(spec, "sessionAffinityConfig") is { } config
            && JsonTree.Child(config, "clientIP") is { } clientIp)
        {
            JsonTree.Default(clientIp, "timeoutSeconds", 10800);
        }

        foreach (var (port, _) in JsonTree.Items(spec, "ports"))
        {
            JsonTree.Default(port, "protocol", "TCP");
            if (port["port"] is { } number)
            {
                JsonTree.Default(port, "targetPort", number.DeepClone());
            }
        }

        if (type != "ExternalName")
        {
            JsonTree.Default(spec, "internalTrafficPolicy", "Cluster");
        }

        if (type is "NodePort" or "LoadBalancer")
        {
            JsonTree.Default(spec, "externalTrafficPolicy", "Cluster");
        }

        if (type == "LoadBalancer")
        {
            JsonTree.Default(spec, "allocateLoadBalancerNodePorts", true);
        }
    }
}
