using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Discovery;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.OpenApi;

/// <summary>The path items of one resource, as served: collection, object and subresource paths (namespaced and
/// cluster forms), plus the all-namespaces list of a namespaced resource.</summary>
public static class OpenApiPaths
{
    public static IEnumerable<(string Path, JsonObject Item)> Of(ApiResource resource)
    {
        var prefix = resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}";
        var scope = resource.Namespaced ? "/namespaces/{namespace}" : "";
        var collection = $"{prefix}{scope}/{resource.Plural}";
        var naming = new Naming(resource);
        yield return (collection, Item(resource, false, Collection(resource, naming)));
        yield return (collection + "/{name}", Item(resource, true, Object(resource, naming)));
        foreach (var sub in SubresourceInfo.All(resource))
        {
            yield return ($"{collection}/{{name}}/{sub.Name}", Item(resource, true, Subresource(resource, sub, naming)));
        }

        if (resource.Namespaced)
        {
            var all = new OpenApiOperation("list", $"list{naming.Group}{resource.Kind}ForAllNamespaces", naming.Tag, naming.Kind, OpenApiParameters.List(), null, naming.ListSchema);
            yield return ($"{prefix}/{resource.Plural}", Item(resource, false, [("get", all)]));
        }
    }

    private static IEnumerable<(string Method, OpenApiOperation Operation)> Collection(ApiResource resource, Naming n)
    {
        yield return ("get", n.Op("list", "list", "", OpenApiParameters.List(), null, n.ListSchema));
        yield return ("post", n.Op("post", "create", "", OpenApiParameters.Write(), n.Schema, n.Schema));
        yield return ("delete", n.Op("deletecollection", "deleteCollection", "", OpenApiParameters.Delete(), SchemaNames.Meta + "DeleteOptions", SchemaNames.Meta + "Status"));
    }

    private static IEnumerable<(string Method, OpenApiOperation Operation)> Object(ApiResource resource, Naming n)
    {
        yield return ("get", n.Op("get", "read", "", OpenApiParameters.Read(), null, n.Schema));
        yield return ("put", n.Op("put", "replace", "", OpenApiParameters.Write(), n.Schema, n.Schema));
        yield return ("delete", n.Op("delete", "delete", "", OpenApiParameters.Delete(), SchemaNames.Meta + "DeleteOptions", SchemaNames.Meta + "Status"));
        yield return ("patch", n.Op("patch", "patch", "", OpenApiParameters.Patch(), SchemaNames.Meta + "Patch", n.Schema));
    }

    private static IEnumerable<(string Method, OpenApiOperation Operation)> Subresource(ApiResource resource, SubresourceInfo sub, Naming n)
    {
        var suffix = char.ToUpperInvariant(sub.Name[0]) + sub.Name[1..];
        var kind = new GroupVersionKind(sub.Group, sub.Version, sub.Kind);
        var schema = SchemaNames.Of(sub.Group, sub.Version, sub.Kind);
        if (sub.Verbs.Contains("get"))
        {
            yield return ("get", n.Op("get", "read", suffix, OpenApiParameters.Read(), null, schema) with { Kind = kind });
        }

        yield return ("put", n.Op("put", "replace", suffix, OpenApiParameters.Write(), schema, schema) with { Kind = kind });
        if (sub.Verbs.Contains("patch"))
        {
            yield return ("patch", n.Op("patch", "patch", suffix, OpenApiParameters.Patch(), SchemaNames.Meta + "Patch", schema) with { Kind = kind });
        }
    }

    private static JsonObject Item(ApiResource resource, bool named, IEnumerable<(string Method, OpenApiOperation Operation)> operations)
    {
        var item = new JsonObject { ["description"] = $"operations on {resource.Kind} objects" };
        foreach (var (method, operation) in operations)
        {
            item[method] = (operation with { StrategicMergePatch = !resource.IsCustom }).ToJson();
        }

        var parameters = new JsonArray();
        if (named)
        {
            parameters.Add(OpenApiParameters.PathParameter("name", $"name of the {resource.Kind}"));
        }

        if (resource.Namespaced)
        {
            parameters.Add(OpenApiParameters.PathParameter("namespace", "object name and auth scope, such as for teams and projects"));
        }

        if (parameters.Count > 0)
        {
            item["parameters"] = parameters;
        }

        return item;
    }

    private sealed record Naming(ApiResource Resource)
    {
        public string Group { get; } = SchemaNames.OperationGroup(Resource.Group, Resource.Version);

        public string Tag { get; } = SchemaNames.Tag(Resource.Group, Resource.Version);

        public GroupVersionKind Kind { get; } = new(Resource.Group, Resource.Version, Resource.Kind);

        public string Schema { get; } = SchemaNames.Of(Resource);

        public string ListSchema { get; } = SchemaNames.Of(Resource.Group, Resource.Version, Resource.ListKind);

        public OpenApiOperation Op(string action, string verb, string suffix, JsonArray parameters, string? body, string response) =>
            new(action, $"{verb}{Group}{(Resource.Namespaced ? "Namespaced" : "")}{Resource.Kind}{suffix}", Tag, Kind, parameters, body, response);
    }
}
