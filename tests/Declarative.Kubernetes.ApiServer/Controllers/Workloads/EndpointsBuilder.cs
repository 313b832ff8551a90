using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The endpoint groups of a Service: its ready pods grouped by the ports they resolve (a named targetPort
/// resolves through the pod's container ports; a pod without it is left out of that port), as Endpoints subsets
/// and EndpointSlice contents.
/// </summary>
internal static class EndpointsBuilder
{
    public static List<(JsonArray Ports, List<ReadyPod> Pods)> Groups(JsonObject service, IEnumerable<ReadyPod> pods)
    {
        var servicePorts = JsonTree.Items(JsonTree.Existing(service, "spec"), "ports").Select(p => p.Item).ToList();
        var groups = new List<(JsonArray Ports, List<ReadyPod> Pods)>();
        foreach (var pod in pods)
        {
            var ports = new JsonArray([.. servicePorts.Select(p => Port(p, pod)).OfType<JsonObject>()]);
            var group = groups.FirstOrDefault(g => JsonNode.DeepEquals(g.Ports, ports));
            if (group.Pods is null)
            {
                group = (ports, []);
                groups.Add(group);
            }

            group.Pods.Add(pod);
        }

        return groups;
    }

    public static JsonArray Subsets(List<(JsonArray Ports, List<ReadyPod> Pods)> groups, string? ns) =>
    [
        .. groups.Select(g => new JsonObject
        {
            ["addresses"] = new JsonArray([.. g.Pods.OrderBy(p => p.Ip, StringComparer.Ordinal).Select(p => Address(p, ns))]),
            ["ports"] = g.Ports.DeepClone(),
        }),
    ];

    public static JsonArray SliceEndpoints(List<ReadyPod> pods, string? ns) =>
    [
        .. pods.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
        {
            var endpoint = new JsonObject
            {
                ["addresses"] = new JsonArray(p.Ip),
                ["conditions"] = new JsonObject { ["ready"] = true, ["serving"] = true, ["terminating"] = false },
            };
            if (p.Hostname is not null)
            {
                endpoint["hostname"] = p.Hostname;
            }

            endpoint["nodeName"] = p.NodeName;
            endpoint["targetRef"] = TargetRef(p, ns);
            return endpoint;
        }),
    ];

    private static JsonObject? Port(JsonObject servicePort, ReadyPod pod)
    {
        var target = servicePort["targetPort"] ?? servicePort["port"];
        int? number = target is JsonValue v && v.TryGetValue(out int n) ? n
            : target is JsonValue s && s.TryGetValue(out string? name) && pod.NamedPorts.TryGetValue(name, out var named) ? named
            : null;
        if (number is null)
        {
            return null;
        }

        var port = new JsonObject();
        if (JsonTree.Text(servicePort, "name") is { Length: > 0 } portName)
        {
            port["name"] = portName;
        }

        port["port"] = number;
        port["protocol"] = JsonTree.Text(servicePort, "protocol") ?? "TCP";
        return port;
    }

    private static JsonObject Address(ReadyPod pod, string? ns)
    {
        var address = new JsonObject();
        if (pod.Hostname is not null)
        {
            address["hostname"] = pod.Hostname;
        }

        address["ip"] = pod.Ip;
        address["nodeName"] = pod.NodeName;
        address["targetRef"] = TargetRef(pod, ns);
        return address;
    }

    private static JsonObject TargetRef(ReadyPod pod, string? ns) => new()
    {
        ["kind"] = "Pod",
        ["name"] = pod.Name,
        ["namespace"] = ns,
        ["uid"] = pod.Uid,
    };
}
