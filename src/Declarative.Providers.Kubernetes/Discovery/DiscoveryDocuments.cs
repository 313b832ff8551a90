using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Discovery;

/// <summary>Reads discovery documents (reference 2.1, 2.2) into <see cref="KubeResource"/>s; subresources are
/// attached to their parent, never listed as resources.</summary>
internal static class DiscoveryDocuments
{
    /// <summary>An APIGroupDiscoveryList (apidiscovery.k8s.io/v2): every version of every group in it.</summary>
    public static IEnumerable<(string ApiVersion, ImmutableArray<KubeResource> Resources)> Aggregated(JsonObject list)
    {
        foreach (var group in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var groupName = Text(group["metadata"]?["name"]) ?? string.Empty;
            foreach (var version in (group["versions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var versionName = Text(version["version"]) ?? string.Empty;
                var resources = (version["resources"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(r => AggregatedResource(r, groupName, versionName))
                    .OfType<KubeResource>();
                yield return (ApiVersion(groupName, versionName), [.. resources]);
            }
        }
    }

    /// <summary>An APIResourceList of one group/version (legacy discovery).</summary>
    public static ImmutableArray<KubeResource> Legacy(JsonObject list, string group, string version)
    {
        var entries = (list["resources"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var subresources = entries
            .Select(e => Text(e["name"]) ?? string.Empty)
            .Where(name => name.Contains('/', StringComparison.Ordinal))
            .Select(name => name.Split('/', 2))
            .ToLookup(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        return
        [
            .. entries
                .Where(e => Text(e["name"]) is { } name && !name.Contains('/', StringComparison.Ordinal))
                .Select(e => new KubeResource(
                    group,
                    version,
                    Text(e["kind"]) ?? string.Empty,
                    Text(e["name"])!,
                    e["namespaced"] is JsonValue v && v.TryGetValue<bool>(out var namespaced) && namespaced,
                    Strings(e["verbs"]),
                    [.. subresources[Text(e["name"])!]])),
        ];
    }

    public static string ApiVersion(string group, string version) => group.Length == 0 ? version : $"{group}/{version}";

    private static KubeResource? AggregatedResource(JsonObject resource, string group, string version)
    {
        var kind = Text(resource["responseKind"]?["kind"]);
        var plural = Text(resource["resource"]);
        if (kind is null || plural is null)
        {
            return null;
        }

        var subresources = (resource["subresources"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => Text(s["subresource"]))
            .OfType<string>();
        return new KubeResource(
            group,
            version,
            kind,
            plural,
            Text(resource["scope"]) == "Namespaced",
            Strings(resource["verbs"]),
            [.. subresources]);
    }

    private static ImmutableArray<string> Strings(JsonNode? array) =>
        [.. (array as JsonArray ?? []).Select(Text).OfType<string>()];

    private static string? Text(JsonNode? node) => KubeErrors.Text(node);
}
