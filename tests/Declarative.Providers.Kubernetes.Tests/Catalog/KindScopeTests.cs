using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

public sealed class KindScopeTests
{
    private readonly KubernetesKindCatalog _catalog = new();

    [Theory]
    [InlineData("v1", "Namespace", ResourceScope.Cluster)]
    [InlineData("v1", "Node", ResourceScope.Cluster)]
    [InlineData("v1", "PersistentVolume", ResourceScope.Cluster)]
    [InlineData("v1", "PersistentVolumeClaim", ResourceScope.Namespaced)]
    [InlineData("v1", "ConfigMap", ResourceScope.Namespaced)]
    [InlineData("v1", "Service", ResourceScope.Namespaced)]
    [InlineData("apps/v1", "Deployment", ResourceScope.Namespaced)]
    [InlineData("batch/v1", "CronJob", ResourceScope.Namespaced)]
    [InlineData("autoscaling/v1", "HorizontalPodAutoscaler", ResourceScope.Namespaced)]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler", ResourceScope.Namespaced)]
    [InlineData("networking.k8s.io/v1", "Ingress", ResourceScope.Namespaced)]
    [InlineData("networking.k8s.io/v1", "IngressClass", ResourceScope.Cluster)]
    [InlineData("policy/v1", "PodDisruptionBudget", ResourceScope.Namespaced)]
    [InlineData("rbac.authorization.k8s.io/v1", "Role", ResourceScope.Namespaced)]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", ResourceScope.Cluster)]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", ResourceScope.Cluster)]
    [InlineData("storage.k8s.io/v1", "StorageClass", ResourceScope.Cluster)]
    [InlineData("scheduling.k8s.io/v1", "PriorityClass", ResourceScope.Cluster)]
    [InlineData("coordination.k8s.io/v1", "Lease", ResourceScope.Namespaced)]
    [InlineData("discovery.k8s.io/v1", "EndpointSlice", ResourceScope.Namespaced)]
    [InlineData("node.k8s.io/v1", "RuntimeClass", ResourceScope.Cluster)]
    [InlineData("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", ResourceScope.Cluster)]
    [InlineData("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy", ResourceScope.Cluster)]
    [InlineData("certificates.k8s.io/v1", "CertificateSigningRequest", ResourceScope.Cluster)]
    [InlineData("events.k8s.io/v1", "Event", ResourceScope.Namespaced)]
    [InlineData("apiextensions.k8s.io/v1", "CustomResourceDefinition", ResourceScope.Cluster)]
    [InlineData("apiregistration.k8s.io/v1", "APIService", ResourceScope.Cluster)]
    public void Knows_the_scope_of_built_in_kinds(string apiVersion, string kind, ResourceScope expected)
    {
        var info = _catalog.Describe(new ResourceType(apiVersion, kind), TestResources.Context());

        Assert.Equal(expected, info.Scope);
    }

    [Fact]
    public void Describes_a_kind_by_its_group_without_the_version()
    {
        var info = _catalog.Describe(new ResourceType("apps/v1", "Deployment"), TestResources.Context());

        Assert.Equal(new KindRef("apps", "Deployment"), info.Kind);
    }

    [Theory]
    [InlineData("Namespaced", ResourceScope.Namespaced)]
    [InlineData("Cluster", ResourceScope.Cluster)]
    public void Takes_the_scope_of_a_custom_kind_from_the_projects_crd(string crdScope, ResourceScope expected)
    {
        var context = TestResources.Context(TestResources.Crd("example.com", "Widget", "widgets", crdScope, "v1"));

        var info = _catalog.Describe(new ResourceType("example.com/v1", "Widget"), context);

        Assert.Equal(expected, info.Scope);
        Assert.Equal(new KindRef("example.com", "Widget"), info.Kind);
    }

    [Fact]
    public void Leaves_a_custom_kind_without_a_crd_in_the_project_to_discovery()
    {
        var context = TestResources.Context(TestResources.Crd("other.example.com", "Widget", "widgets", "Cluster", "v1"));

        var info = _catalog.Describe(new ResourceType("example.com/v1", "Widget"), context);

        Assert.Equal(ResourceScope.Unknown, info.Scope);
    }

    [Fact]
    public void Does_not_know_beta_kinds_that_are_not_in_the_ga_table()
    {
        var info = _catalog.Describe(new ResourceType("networking.k8s.io/v1beta1", "ServiceCIDR"), TestResources.Context());

        Assert.Equal(ResourceScope.Unknown, info.Scope);
    }

    [Theory]
    [InlineData("v1", "ConfigMap", true)]
    [InlineData("example.com/v1alpha1", "Widget", true)]
    [InlineData("", "ConfigMap", false)]
    [InlineData("v1", "", false)]
    public void Owns_every_type_with_an_api_version_and_a_kind(string apiVersion, string kind, bool expected)
    {
        Assert.Equal(expected, _catalog.Owns(new ResourceType(apiVersion, kind)));
    }

    [Fact]
    public void Is_named_kubernetes_and_resolves_no_reference_schemes()
    {
        Assert.Equal("kubernetes", _catalog.ProviderName);
        Assert.Empty(_catalog.ReferenceSchemes);
    }
}
