using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>What apiextensions-apiserver does for a CustomResourceDefinition: serves its versions once written
/// (NamesAccepted, Established) and stops serving them, dropping their objects, once it is deleted.</summary>
internal static class CrdController
{
    private const string CrdStorageKey = "apiextensions.k8s.io/customresourcedefinitions";

    /// <summary>The object to answer with: for a stored CRD, its state after the controller set its status.</summary>
    public static JsonObject AfterWrite(RequestScope scope, WriteResult result, bool dryRun)
    {
        if (result.Outcome == WriteOutcome.Deleted && !dryRun)
        {
            // A write that removed the last finalizer of a deleting object deleted it: free what it held.
            scope.State.Admission.Release(scope.Resource, result.Object);
            AfterDelete(scope, result.Object);
            return result.Object;
        }

        if (scope.Resource.StorageKey != CrdStorageKey || dryRun || result.Outcome == WriteOutcome.Deleted)
        {
            return result.Object;
        }

        var crd = result.Object;
        var spec = crd["spec"] as JsonObject ?? [];
        var group = spec["group"]?.ToString() ?? string.Empty;
        var names = spec["names"] as JsonObject ?? [];
        var plural = names["plural"]?.ToString() ?? string.Empty;
        var versions = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        scope.State.Registry.SetCustom(group, plural, [.. versions
            .Where(v => v["served"]?.GetValue<bool>() != false)
            .OrderBy(v => VersionPriority.Rank(v["name"]?.ToString() ?? string.Empty))
            .Select(v => Resource(spec, names, v))]);
        return scope.Store.Write(scope.Resource, null, ObjectMeta.Name(crd), dryRun: false, current =>
            current is null ? null : WithStatus(scope, current, names, versions)).Object;
    }

    public static void AfterDelete(RequestScope scope, JsonObject deleted)
    {
        if (scope.Resource.StorageKey != CrdStorageKey)
        {
            return;
        }

        var group = deleted["spec"]?["group"]?.ToString() ?? string.Empty;
        var plural = deleted["spec"]?["names"]?["plural"]?.ToString() ?? string.Empty;
        scope.State.Registry.RemoveCustom(group, plural);
        scope.Store.DropCollection($"{group}/{plural}");
    }

    /// <summary>spec.versions[].subresources.scale of the CRD serving this custom resource version.</summary>
    public static JsonObject? ScaleDefinition(RequestScope scope) => ServedVersion(scope)?["subresources"]?["scale"] as JsonObject;

    /// <summary>spec.versions[].schema.openAPIV3Schema of the CRD serving this custom resource version; null when
    /// the version has none (nothing is pruned or validated then).</summary>
    public static JsonObject? OpenApiSchema(RequestScope scope) =>
        scope.Resource.IsCustom ? ServedVersion(scope)?["schema"]?["openAPIV3Schema"] as JsonObject : null;

    private static JsonObject? ServedVersion(RequestScope scope)
    {
        var crds = scope.State.Registry.Find("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        var crd = scope.Store.Get(crds, null, $"{scope.Resource.Plural}.{scope.Resource.Group}");
        return (crd?["spec"]?["versions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(v => v["name"]?.ToString() == scope.Resource.Version);
    }

    private static ApiResource Resource(JsonObject spec, JsonObject names, JsonObject version)
    {
        var kind = names["kind"]?.ToString() ?? string.Empty;
        var subresources = version["subresources"] as JsonObject ?? [];
        return new ApiResource(
            spec["group"]?.ToString() ?? string.Empty,
            version["name"]?.ToString() ?? string.Empty,
            kind,
            names["plural"]?.ToString() ?? string.Empty,
            names["singular"]?.ToString() is { Length: > 0 } singular ? singular : kind.ToLowerInvariant(),
            spec["scope"]?.ToString() != "Cluster",
            Strings(names["shortNames"]),
            Strings(names["categories"]),
            [.. new[] { "status", "scale" }.Where(subresources.ContainsKey)],
            ApiResource.AllVerbs,
            IsCustom: true);
    }

    private static JsonObject WithStatus(RequestScope scope, JsonObject crd, JsonObject names, List<JsonObject> versions)
    {
        var status = crd["status"] as JsonObject ?? [];
        var accepted = (JsonObject)names.DeepClone();
        accepted["singular"] ??= names["kind"]?.ToString().ToLowerInvariant();
        accepted["listKind"] ??= names["kind"] + "List";
        status["conditions"] = new JsonArray(
            Condition(status, "NamesAccepted", "NoConflicts", "no conflicts found", scope.Now),
            Condition(status, "Established", "InitialNamesAccepted", "the initial names have been accepted", scope.Now));
        status["acceptedNames"] = accepted;
        var stored = Strings(status["storedVersions"]);
        var storage = versions.FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true)?["name"]?.ToString();
        status["storedVersions"] = new JsonArray([.. stored.Append(storage ?? string.Empty).Where(v => v.Length > 0).Distinct().Select(v => (JsonNode)v)]);
        crd["status"] = status;
        return crd;
    }

    /// <summary>A True condition; an existing True one keeps its lastTransitionTime.</summary>
    private static JsonObject Condition(JsonObject status, string type, string reason, string message, DateTimeOffset now)
    {
        var existing = (status["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type);
        var since = existing?["status"]?.ToString() == "True" ? existing["lastTransitionTime"]?.ToString() : null;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = since ?? ObjectMeta.Timestamp(now),
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static ImmutableArray<string> Strings(JsonNode? node) =>
        [.. (node as JsonArray ?? []).Select(v => v?.ToString() ?? string.Empty).Where(v => v.Length > 0)];
}
