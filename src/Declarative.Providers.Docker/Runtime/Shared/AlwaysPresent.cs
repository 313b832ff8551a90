using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// The bulk read of kinds that have no object of their own to list (Registry: data only; Image: content addressed,
/// decided per plan): every id reads as present and ours, so the engine records it and never calls it foreign.
/// </summary>
internal static class AlwaysPresent
{
    public static KindReadResult Read(IReadOnlyCollection<ResourceAddress> ids, string kind, OwnerSelector owner, string fingerprint) =>
        new([.. ids.Select(id => new LiveResource(id, new ResourceType(DockerKinds.ApiVersion, kind), Placeholder(id, kind, owner), new Fingerprint(fingerprint, null, null)))], []);

    private static JsonObject Placeholder(ResourceAddress id, string kind, OwnerSelector owner) => new()
    {
        ["apiVersion"] = DockerKinds.ApiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = id.Name,
            ["labels"] = new JsonObject(owner.Labels.Select(l => KeyValuePair.Create<string, JsonNode?>(l.Key, l.Value))),
        },
    };
}
