using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>Finds the CustomResourceDefinition documents of the project that define a kind.</summary>
internal static class ProjectCrds
{
    public const string Kind = "CustomResourceDefinition";

    public static bool IsCrd(string? apiVersion, string? kind) =>
        kind == Kind && apiVersion is not null && apiVersion.StartsWith(BuiltInKinds.ApiExtensions + "/", StringComparison.Ordinal);

    /// <summary>The first CRD of the project whose spec.group and spec.names.kind match; the version is not
    /// compared because scope and identity do not depend on it.</summary>
    public static ProjectCrd? Find(KindRef kind, CatalogContext context) =>
        context.Documents
            .Where(d => IsCrd(d.ApiVersion, d.Kind))
            .Select(Read)
            .FirstOrDefault(crd => crd is not null && crd.Group == kind.Group && crd.Kind == kind.Kind);

    /// <summary>The openAPIV3Schema of <paramref name="type"/>'s version in the first CRD of the project that
    /// defines its kind, or null when there is none (no CRD, no such version, or no schema).</summary>
    public static JsonObject? SchemaOf(ResourceType type, CatalogContext context)
    {
        var kind = type.KindRef;
        var crd = context.Documents
            .Where(d => IsCrd(d.ApiVersion, d.Kind))
            .FirstOrDefault(d => Read(d) is { } read && read.Group == kind.Group && read.Kind == kind.Kind);
        if (crd is null)
        {
            return null;
        }

        var version = JsonText.Items(crd.Content, "/spec/versions")
            .FirstOrDefault(v => JsonText.At(v.Item, "/name") == type.Version).Item;
        return JsonPointer.Get(version, "/schema/openAPIV3Schema") as JsonObject;
    }

    /// <summary>The CRD a document declares, or null when its spec lacks group, names.kind or names.plural.</summary>
    public static ProjectCrd? Read(RenderedDocument document)
    {
        var content = document.Content;
        var group = JsonText.At(content, "/spec/group");
        var kind = JsonText.At(content, "/spec/names/kind");
        var plural = JsonText.At(content, "/spec/names/plural");
        if (group is null || kind is null || plural is null)
        {
            return null;
        }

        return new ProjectCrd(group, kind, plural, ScopeOf(JsonText.At(content, "/spec/scope")), VersionsOf(content));
    }

    private static ResourceScope ScopeOf(string? scope) => scope switch
    {
        "Namespaced" => ResourceScope.Namespaced,
        "Cluster" => ResourceScope.Cluster,
        _ => ResourceScope.Unknown,
    };

    private static ImmutableArray<string> VersionsOf(JsonObject content)
    {
        var listed = JsonText.Items(content, "/spec/versions").Select(v => JsonText.At(v.Item, "/name"));
        var legacy = JsonText.At(content, "/spec/version");
        return [.. listed.Append(legacy).OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
