using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Discovery;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.OpenApi;

/// <summary>
/// components.schemas of a group/version document. Deliberately loose: kinds declare apiVersion, kind and metadata
/// and keep every other field (x-kubernetes-preserve-unknown-fields), because the double validates on the server
/// and kubectl, seeing fieldValidation supported, leaves validation to it.
/// </summary>
public static class OpenApiSchemas
{
    public static JsonObject For(IEnumerable<ApiResource> resources)
    {
        var schemas = new JsonObject();
        foreach (var resource in resources)
        {
            schemas[SchemaNames.Of(resource)] = Kind(resource.Group, resource.Version, resource.Kind);
            schemas[SchemaNames.Of(resource.Group, resource.Version, resource.ListKind)] = List(resource);
            foreach (var sub in SubresourceInfo.All(resource).Where(s => s.Kind != resource.Kind))
            {
                schemas[SchemaNames.Of(sub.Group, sub.Version, sub.Kind)] = Kind(sub.Group, sub.Version, sub.Kind);
            }
        }

        schemas[SchemaNames.Meta + "ObjectMeta"] = Loose("ObjectMeta is metadata that all persisted resources must have.");
        schemas[SchemaNames.Meta + "ListMeta"] = Loose("ListMeta describes metadata that synthetic resources must have.");
        schemas[SchemaNames.Meta + "Patch"] = new JsonObject { ["description"] = "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.", ["type"] = "object" };
        schemas[SchemaNames.Meta + "DeleteOptions"] = Loose("DeleteOptions may be provided when deleting an API object.");
        schemas[SchemaNames.Meta + "Status"] = Loose("Status is a return value for calls that don't return other objects.");
        return schemas;
    }

    private static JsonObject Kind(string group, string version, string kind)
    {
        var schema = Loose($"{kind} of {(group.Length == 0 ? "core" : group)}/{version}.");
        schema["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["metadata"] = new JsonObject { ["default"] = new JsonObject(), ["allOf"] = new JsonArray(Ref(SchemaNames.Meta + "ObjectMeta")) },
        };
        schema["x-kubernetes-group-version-kind"] = new JsonArray(new GroupVersionKind(group, version, kind).ToJson());
        return schema;
    }

    private static JsonObject List(ApiResource resource)
    {
        var schema = Loose($"A list of {resource.Kind} objects.");
        schema["required"] = new JsonArray("items");
        schema["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["items"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["default"] = new JsonObject(), ["allOf"] = new JsonArray(Ref(SchemaNames.Of(resource))) } },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["metadata"] = new JsonObject { ["default"] = new JsonObject(), ["allOf"] = new JsonArray(Ref(SchemaNames.Meta + "ListMeta")) },
        };
        schema["x-kubernetes-group-version-kind"] = new JsonArray(new GroupVersionKind(resource.Group, resource.Version, resource.ListKind).ToJson());
        return schema;
    }

    private static JsonObject Loose(string description) => new()
    {
        ["description"] = description,
        ["type"] = "object",
        ["x-kubernetes-preserve-unknown-fields"] = true,
    };

    private static JsonObject Ref(string name) => new() { ["$ref"] = SchemaNames.Reference(name) };
}
