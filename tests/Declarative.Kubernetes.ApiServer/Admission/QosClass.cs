using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission;

/// <summary>A Pod's QoS class (kubernetes pkg/apis/core/helper/qos): BestEffort without any cpu or memory
/// request or limit; Guaranteed when every container limits both and requests what it limits; else Burstable.</summary>
internal static class QosClass
{
    private static readonly string[] Tracked = ["cpu", "memory"];

    public static string Of(JsonObject? spec)
    {
        var containers = new[] { "initContainers", "containers" }.SelectMany(k => JsonTree.Items(spec, k)).Select(c => c.Item).ToList();
        var resources = containers.Select(c => JsonTree.Existing(c, "resources")).ToList();
        if (resources.All(r => !Tracked.Any(t => Has(r, "requests", t) || Has(r, "limits", t))))
        {
            return "BestEffort";
        }

        var guaranteed = resources.All(r => Tracked.All(t => Has(r, "limits", t)
            && JsonNode.DeepEquals(JsonTree.Existing(r, "limits")![t], JsonTree.Existing(r, "requests")?[t] ?? JsonTree.Existing(r, "limits")![t])));
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private static bool Has(JsonObject? resources, string kind, string name) => JsonTree.Existing(resources, kind)?[name] is not null;
}
