using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

public sealed class ObjectDependencyTests
{
    private readonly KubernetesKindCatalog _catalog = new();

    [Fact]
    public void A_namespaced_object_depends_on_its_defaulted_namespace()
    {
        var resource = TestResources.From("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}}""");

        var request = Assert.Single(_catalog.GetDependencies(resource, TestResources.Context()));

        Assert.Equal(new ReferenceTarget(string.Empty, "Namespace", null, "default"), request.Target);
        Assert.Equal("metadata.namespace is default", request.Reason);
        Assert.Equal(DependencyKind.Implicit, request.Kind);
        Assert.Equal("/metadata/namespace", request.SourcePointer);
    }

    [Fact]
    public void A_cluster_scoped_object_depends_on_no_namespace()
    {
        var resource = TestResources.From("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}""");

        Assert.Empty(_catalog.GetDependencies(resource, TestResources.Context()));
    }

    [Fact]
    public void A_custom_object_depends_on_its_crd_in_the_project()
    {
        var context = TestResources.Context(TestResources.Crd("example.com", "Widget", "widgets", "Namespaced", "v1"));
        var resource = TestResources.From("""{"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w", "namespace": "shop"}}""", context);

        var requests = _catalog.GetDependencies(resource, context).ToList();

        Assert.Equal(2, requests.Count);
        Assert.Equal(new ReferenceTarget(string.Empty, "Namespace", null, "shop"), requests[0].Target);
        Assert.Equal(new ReferenceTarget("apiextensions.k8s.io", "CustomResourceDefinition", null, "widgets.example.com"), requests[1].Target);
        Assert.Equal("is an instance of widgets.example.com", requests[1].Reason);
        Assert.Equal("/kind", requests[1].SourcePointer);
    }

    [Fact]
    public void A_custom_object_without_a_crd_in_the_project_has_no_crd_edge()
    {
        var resource = TestResources.From("""{"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}""");

        Assert.Empty(_catalog.GetDependencies(resource, TestResources.Context()));
    }

    [Fact]
    public void A_role_binding_depends_on_its_role_in_its_namespace()
    {
        var resource = TestResources.From("""
            {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "read", "namespace": "shop"},
             "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"},
             "subjects": [{"kind": "ServiceAccount", "name": "web"}]}
            """);

        var request = _catalog.GetDependencies(resource, TestResources.Context()).Last();

        Assert.Equal(new ReferenceTarget("rbac.authorization.k8s.io", "Role", "shop", "reader"), request.Target);
        Assert.Equal("roleRef names Role reader", request.Reason);
        Assert.Equal("/roleRef/name", request.SourcePointer);
    }

    [Theory]
    [InlineData("RoleBinding")]
    [InlineData("ClusterRoleBinding")]
    public void A_binding_depends_on_the_cluster_role_it_names(string kind)
    {
        var resource = TestResources.From($$$"""
            {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "{{{kind}}}", "metadata": {"name": "view"},
             "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "system:aggregate-to-view"}}
            """);

        var request = _catalog.GetDependencies(resource, TestResources.Context()).Last();

        Assert.Equal(new ReferenceTarget("rbac.authorization.k8s.io", "ClusterRole", null, "system:aggregate-to-view"), request.Target);
        Assert.Equal("roleRef names ClusterRole system:aggregate-to-view", request.Reason);
    }

    [Fact]
    public void A_cluster_role_binding_ignores_a_role_it_cannot_bind()
    {
        var resource = TestResources.From("""
            {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "view"},
             "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"}}
            """);

        Assert.Empty(_catalog.GetDependencies(resource, TestResources.Context()));
    }

    [Fact]
    public void An_ingress_depends_on_its_default_backend_and_rule_services()
    {
        var resource = TestResources.From("""
            {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web", "namespace": "shop"},
             "spec": {"defaultBackend": {"service": {"name": "fallback", "port": {"number": 80}}},
                      "rules": [{"host": "shop.example.com", "http": {"paths": [
                          {"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}},
                          {"path": "/api", "pathType": "Prefix", "backend": {"service": {"name": "api", "port": {"name": "http"}}}},
                          {"path": "/again", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}]}}
            """);

        var edges = _catalog.GetDependencies(resource, TestResources.Context())
            .Select(r => (r.Target.ToString(), r.Reason, r.SourcePointer)).ToList();

        Assert.Equal(
            [
                ("Namespace/shop", "metadata.namespace is shop", "/metadata/namespace"),
                ("Service/shop/fallback", "spec.defaultBackend.service.name names Service fallback", "/spec/defaultBackend/service/name"),
                ("Service/shop/web", "spec.rules[0].http.paths[0].backend.service.name names Service web", "/spec/rules/0/http/paths/0/backend/service/name"),
                ("Service/shop/api", "spec.rules[0].http.paths[1].backend.service.name names Service api", "/spec/rules/0/http/paths/1/backend/service/name"),
            ],
            edges);
    }
}
