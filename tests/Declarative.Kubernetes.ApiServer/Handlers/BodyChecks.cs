using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>The checks create, update and apply make on a body against its endpoint (reference 3.3, 3.4, 5.1).</summary>
internal static class BodyChecks
{
    /// <summary>Defaults a missing apiVersion/kind to the endpoint's and rejects others with 400.</summary>
    public static void EnsureType(RequestScope scope, JsonObject body)
    {
        var apiVersion = Text(body, "apiVersion");
        if (apiVersion is not null && apiVersion != scope.Resource.ApiVersion && !ServesSameKind(scope, apiVersion))
        {
            throw StatusFactory.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({scope.Resource.ApiVersion})");
        }

        var kind = Text(body, "kind");
        if (kind is not null && kind != scope.Resource.Kind)
        {
            throw StatusFactory.BadRequest($"{kind} in version \"{scope.Resource.Version}\" cannot be handled as a {scope.Resource.Kind}: the kind does not match the endpoint");
        }

        body["apiVersion"] = scope.Resource.ApiVersion;
        body["kind"] = scope.Resource.Kind;
    }

    /// <summary>apply: the body must name the endpoint's version (sigs.k8s.io/structured-merge-diff wording).</summary>
    public static void EnsureApplyType(RequestScope scope, JsonObject body)
    {
        var apiVersion = Text(body, "apiVersion") ?? string.Empty;
        if (apiVersion != scope.Resource.ApiVersion)
        {
            throw StatusFactory.BadRequest($"Incorrect version specified in apply patch. Specified patch version: {apiVersion}, expected: {scope.Resource.ApiVersion}");
        }

        var kind = Text(body, "kind") ?? string.Empty;
        if (kind != scope.Resource.Kind)
        {
            throw StatusFactory.BadRequest($"Incorrect kind specified in apply patch. Specified patch kind: {kind}, expected: {scope.Resource.Kind}");
        }

        if (body["metadata"]?["managedFields"] is not null)
        {
            throw StatusFactory.BadRequest("metadata.managedFields must be nil");
        }
    }

    /// <summary>Sets the namespace from the URL (cluster-scoped objects have none); a different one is 400.</summary>
    public static void EnsureNamespace(RequestScope scope, JsonObject body)
    {
        var metadata = ObjectMeta.Metadata(body);
        if (!scope.Resource.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var given = ObjectMeta.Namespace(body);
        if (!string.IsNullOrEmpty(given) && given != scope.Namespace)
        {
            throw StatusFactory.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = scope.Namespace;
    }

    public static void EnsureName(RequestScope scope, JsonObject body)
    {
        var given = ObjectMeta.Name(body);
        if (given.Length > 0 && given != scope.Name)
        {
            throw StatusFactory.BadRequest($"the name of the object ({given}) does not match the name on the URL ({scope.Name})");
        }

        ObjectMeta.Metadata(body)["name"] = scope.Name;
    }

    /// <summary>Another served version of the same resource (autoscaling/v1 vs v2) is converted, not rejected.</summary>
    private static bool ServesSameKind(RequestScope scope, string apiVersion) =>
        scope.State.Registry.All.Any(r => r.ApiVersion == apiVersion && r.StorageKey == scope.Resource.StorageKey);

    private static string? Text(JsonObject body, string field) =>
        body[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
