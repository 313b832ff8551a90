using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

/// <summary>Resources as the graph stage hands them to the catalog: scope from the catalog, namespace
/// defaulted to "default" for namespaced kinds.</summary>
internal static class TestResources
{
    public static CatalogContext Context(params RenderedDocument[] documents) => new([.. documents], "default");

    public static Resource From(string json, CatalogContext? context = null)
    {
        var document = TestDocument.Parse(json);
        var type = new ResourceType(document.ApiVersion!, document.Kind!);
        var scope = new KubernetesKindCatalog().Describe(type, context ?? Context()).Scope;
        var written = document.Content["metadata"]?["namespace"]?.GetValue<string>();
        var ns = scope switch
        {
            ResourceScope.Cluster => null,
            ResourceScope.Namespaced => written ?? "default",
            _ => written,
        };
        var name = document.Content["metadata"]!["name"]!.GetValue<string>();
        return new Resource(new ResourceAddress(string.Empty, type.Group, type.Kind, ns, name), type, scope, "kubernetes", document.Content, document.Source);
    }

    public static RenderedDocument Crd(string group, string kind, string plural, string scope, params string[] versions)
    {
        var versionList = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject { ["name"] = v, ["served"] = true, ["storage"] = true })]);
        var content = new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{plural}.{group}" },
            ["spec"] = new JsonObject
            {
                ["group"] = group,
                ["scope"] = scope,
                ["names"] = new JsonObject { ["kind"] = kind, ["plural"] = plural },
                ["versions"] = versionList,
            },
        };
        return new RenderedDocument(content, DocumentSource.Synthetic("/project/crd.yaml"));
    }
}
