using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Discovery;

/// <summary>The unaggregated discovery documents (reference 2.1), built from what the registry serves now.</summary>
public sealed class LegacyDiscovery(ResourceRegistry registry)
{
    public static JsonObject Versions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1:6443" }),
    };

    public JsonObject GroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. registry.Groups().Where(g => g.Group.Length > 0).Select(g => (JsonNode)GroupBody(g.Group, g.Versions))]),
    };

    /// <summary>Null when the group is not served.</summary>
    public JsonObject? Group(string name)
    {
        var (group, versions) = registry.Groups().FirstOrDefault(g => g.Group == name && name.Length > 0);
        if (group is null)
        {
            return null;
        }

        var body = new JsonObject { ["kind"] = "APIGroup", ["apiVersion"] = "v1" };
        foreach (var (key, value) in GroupBody(group, versions).ToList())
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>/api/v1 (no apiVersion, as the real server strips it) or /apis/{g}/{v}; null when not served.</summary>
    public JsonObject? ResourceList(string group, string version)
    {
        if (!registry.Serves(group, version))
        {
            return null;
        }

        var body = new JsonObject { ["kind"] = "APIResourceList" };
        if (group.Length > 0)
        {
            body["apiVersion"] = "v1";
        }

        body["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}";
        var served = registry.All.Where(r => r.Group == group && r.Version == version);
        body["resources"] = new JsonArray([.. served.SelectMany(Entries)]);
        return body;
    }

    private static JsonObject GroupBody(string group, IReadOnlyList<string> versions) => new()
    {
        ["name"] = group,
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)VersionRef(group, v))]),
        ["preferredVersion"] = VersionRef(group, versions[0]),
    };

    private static JsonObject VersionRef(string group, string version) =>
        new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };

    private IEnumerable<JsonNode> Entries(ApiResource resource)
    {
        var entry = new JsonObject
        {
            ["name"] = resource.Plural,
            ["singularName"] = resource.Singular,
            ["namespaced"] = resource.Namespaced,
            ["kind"] = resource.Kind,
            ["verbs"] = Strings(resource.Verbs),
        };
        AddIfAny(entry, "shortNames", resource.ShortNames);
        AddIfAny(entry, "categories", resource.Categories);
        entry["storageVersionHash"] = StorageVersionHash.Of(registry, resource);
        yield return entry;
        foreach (var sub in SubresourceInfo.All(resource))
        {
            yield return SubresourceEntry(resource, sub);
        }
    }

    private static JsonObject SubresourceEntry(ApiResource parent, SubresourceInfo sub)
    {
        var entry = new JsonObject { ["name"] = $"{parent.Plural}/{sub.Name}", ["singularName"] = "", ["namespaced"] = parent.Namespaced };
        if (sub.Group != parent.Group || sub.Version != parent.Version)
        {
            entry["group"] = sub.Group;
            entry["version"] = sub.Version;
        }

        entry["kind"] = sub.Kind;
        entry["verbs"] = Strings(sub.Verbs);
        return entry;
    }

    internal static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    internal static void AddIfAny(JsonObject target, string key, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
        {
            target[key] = Strings(values);
        }
    }
}
