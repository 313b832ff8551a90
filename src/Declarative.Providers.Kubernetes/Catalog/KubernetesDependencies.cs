using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>Every implicit edge a Kubernetes object implies, one per target (the first reason wins).</summary>
internal static class KubernetesDependencies
{
    public static ImmutableArray<DependencyRequest> For(Resource resource, CatalogContext context)
    {
        IEnumerable<DependencyRequest?> all =
        [
            NamespaceEdge(resource),
            DefinitionEdge(resource, context),
            .. PodTemplateReferences.Find(resource),
            .. RoleBindingReferences.Find(resource),
            .. IngressReferences.Find(resource),
        ];
        return [.. all.OfType<DependencyRequest>().DistinctBy(request => request.Target)];
    }

    private static DependencyRequest? NamespaceEdge(Resource resource) =>
        resource.Scope != ResourceScope.Cluster && resource.Address.Namespace is { Length: > 0 } ns
            ? new DependencyRequest(
                new ReferenceTarget(BuiltInKinds.CoreGroup, "Namespace", null, ns),
                $"metadata.namespace is {ns}",
                DependencyKind.Implicit,
                "/metadata/namespace")
            : null;

    private static DependencyRequest? DefinitionEdge(Resource resource, CatalogContext context)
    {
        var kind = resource.Type.KindRef;
        if (BuiltInKinds.Find(kind) is not null || ProjectCrds.Find(kind, context) is not { } crd)
        {
            return null;
        }

        return new DependencyRequest(
            new ReferenceTarget(BuiltInKinds.ApiExtensions, ProjectCrds.Kind, null, crd.Name),
            $"is an instance of {crd.Name}",
            DependencyKind.Implicit,
            "/kind");
    }
}
