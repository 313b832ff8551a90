using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>Writes a Service's Endpoints and EndpointSlices when their content changes (the trigger-time
/// annotation moves only then), and removes those of Services that no longer exist.</summary>
internal sealed class EndpointsWriter(ControllerContext context, string ns)
{
    private readonly ApiResource _endpoints = context.Resource("", "endpoints");
    private readonly ApiResource _slices = context.Resource("discovery.k8s.io", "endpointslices");

    public void WriteEndpoints(JsonObject service, List<(JsonArray Ports, List<ReadyPod> Pods)> groups)
    {
        var desired = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = Metadata(ObjectMeta.Name(service), service, []),
        };
        if (groups.Count > 0)
        {
            desired["subsets"] = EndpointsBuilder.Subsets(groups, ns);
        }

        Write(_endpoints, "endpoints", desired, ["subsets"]);
    }

    public void WriteSlices(JsonObject service, List<(JsonArray Ports, List<ReadyPod> Pods)> groups)
    {
        var serviceName = ObjectMeta.Name(service);
        var wanted = groups.Count == 0 ? [(new JsonArray(), new List<ReadyPod>())] : groups;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ports, pods) in wanted)
        {
            var name = $"{serviceName}-{Hashing.Suffix(ObjectMeta.Uid(service) + ports.ToJsonString())}";
            names.Add(name);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["endpointslice.kubernetes.io/managed-by"] = EndpointsController.ManagedBy,
                ["kubernetes.io/service-name"] = serviceName,
            };
            var metadata = Metadata(name, service, labels);
            metadata["generateName"] = serviceName + "-";
            metadata["ownerReferences"] = Owners.ControllerReference(service, "v1", "Service");
            var slice = new JsonObject
            {
                ["apiVersion"] = "discovery.k8s.io/v1",
                ["kind"] = "EndpointSlice",
                ["metadata"] = metadata,
                ["addressType"] = "IPv4",
                ["endpoints"] = pods.Count == 0 ? null : EndpointsBuilder.SliceEndpoints(pods, ns),
                ["ports"] = new JsonArray([.. ports.Select(p => SlicePort((JsonObject)p!))]),
            };
            Write(_slices, "endpointslices", slice, ["addressType", "endpoints", "ports"]);
        }

        foreach (var stale in OwnSlices(serviceName).Where(s => !names.Contains(ObjectMeta.Name(s))))
        {
            context.Delete(new ObjectKey("discovery.k8s.io", "endpointslices", ns, ObjectMeta.Name(stale)));
        }
    }

    public void DeleteOrphans(IReadOnlySet<string> services)
    {
        foreach (var endpoints in context.List(_endpoints, ns).Where(e => !services.Contains(ObjectMeta.Name(e)) && HasTrigger(e)))
        {
            context.Delete(new ObjectKey("", "endpoints", ns, ObjectMeta.Name(endpoints)));
        }

        foreach (var slice in context.List(_slices, ns).Where(Managed).Where(s => !services.Contains(ServiceOf(s))))
        {
            context.Delete(new ObjectKey("discovery.k8s.io", "endpointslices", ns, ObjectMeta.Name(slice)));
        }
    }

    private JsonObject Metadata(string name, JsonObject service, Dictionary<string, string> extraLabels)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in ObjectMeta.Labels(service).Concat(extraLabels))
        {
            labels[key] = value;
        }

        if (JsonTree.Text(JsonTree.Existing(service, "spec"), "clusterIP") == "None")
        {
            labels["service.kubernetes.io/headless"] = string.Empty;
        }

        return new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = labels,
            ["annotations"] = new JsonObject { [EndpointsController.TriggerTime] = ObjectMeta.Timestamp(context.Now) },
        };
    }

    /// <summary>Creates or replaces <paramref name="desired"/> unless its labels and <paramref name="content"/>
    /// fields already match.</summary>
    private void Write(ApiResource resource, string plural, JsonObject desired, string[] content)
    {
        var name = ObjectMeta.Name(desired);
        var current = context.Store.Get(resource, ns, name);
        if (current is null)
        {
            context.Create(resource, desired);
            return;
        }

        var same = JsonNode.DeepEquals(current["metadata"]?["labels"], desired["metadata"]?["labels"])
            && content.All(field => JsonNode.DeepEquals(current[field], desired[field]));
        if (same)
        {
            return;
        }

        context.Update(new ObjectKey(resource.Group, plural, ns, name), existing =>
        {
            var metadata = ObjectMeta.Metadata(existing);
            metadata["labels"] = desired["metadata"]!["labels"]!.DeepClone();
            JsonTree.Child(metadata, "annotations")![EndpointsController.TriggerTime] = desired["metadata"]!["annotations"]![EndpointsController.TriggerTime]!.DeepClone();
            foreach (var field in content)
            {
                existing[field] = desired[field]?.DeepClone();
            }
        });
    }

    private IEnumerable<JsonObject> OwnSlices(string service) =>
        context.List(_slices, ns).Where(s => Managed(s) && ServiceOf(s) == service);

    private static bool Managed(JsonObject slice) =>
        ObjectMeta.Labels(slice).TryGetValue("endpointslice.kubernetes.io/managed-by", out var manager) && manager == EndpointsController.ManagedBy;

    private static string ServiceOf(JsonObject slice) =>
        ObjectMeta.Labels(slice).TryGetValue("kubernetes.io/service-name", out var service) ? service : string.Empty;

    private static bool HasTrigger(JsonObject endpoints) =>
        ObjectMeta.Metadata(endpoints)["annotations"]?[EndpointsController.TriggerTime] is not null;

    private static JsonObject SlicePort(JsonObject port) => new()
    {
        ["name"] = JsonTree.Text(port, "name") ?? string.Empty,
        ["port"] = port["port"]?.DeepClone(),
        ["protocol"] = JsonTree.Text(port, "protocol") ?? "TCP",
    };
}
