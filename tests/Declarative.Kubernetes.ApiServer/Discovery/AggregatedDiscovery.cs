using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Discovery;

/// <summary>Aggregated discovery v2 (reference 2.2): /api holds the core group, /apis every named group.</summary>
public sealed class AggregatedDiscovery(ResourceRegistry registry)
{
    public const string ContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public JsonObject List(bool core) => new()
    {
        ["kind"] = "APIGroupDiscoveryList",
        ["apiVersion"] = "apidiscovery.k8s.io/v2",
        ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray([.. registry.Groups().Where(g => (g.Group.Length == 0) == core).Select(g => (JsonNode)Group(g.Group, g.Versions))]),
    };

    private JsonObject Group(string group, IEnumerable<string> versions)
    {
        var metadata = new JsonObject();
        if (group.Length > 0)
        {
            metadata["name"] = group;
        }

        metadata["creationTimestamp"] = null;
        return new JsonObject
        {
            ["metadata"] = metadata,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Version(group, v))]),
        };
    }

    private JsonObject Version(string group, string version) => new()
    {
        ["version"] = version,
        ["resources"] = new JsonArray([.. registry.All.Where(r => r.Group == group && r.Version == version).Select(r => (JsonNode)Resource(r))]),
        ["freshness"] = "Current",
    };

    private static JsonObject Resource(ApiResource resource)
    {
        var entry = new JsonObject
        {
            ["resource"] = resource.Plural,
            ["responseKind"] = Kind(resource.Group, resource.Version, resource.Kind),
            ["scope"] = resource.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = resource.Singular,
            ["verbs"] = LegacyDiscovery.Strings(resource.Verbs),
        };
        LegacyDiscovery.AddIfAny(entry, "shortNames", resource.ShortNames);
        LegacyDiscovery.AddIfAny(entry, "categories", resource.Categories);
        var subresources = SubresourceInfo.All(resource).Select(s => (JsonNode)new JsonObject
        {
            ["subresource"] = s.Name,
            ["responseKind"] = Kind(s.Group, s.Version, s.Kind),
            ["verbs"] = LegacyDiscovery.Strings(s.Verbs),
        }).ToArray();
        if (subresources.Length > 0)
        {
            entry["subresources"] = new JsonArray(subresources);
        }

        return entry;
    }

    private static JsonObject Kind(string group, string version, string kind) =>
        new() { ["group"] = group, ["version"] = version, ["kind"] = kind };
}
