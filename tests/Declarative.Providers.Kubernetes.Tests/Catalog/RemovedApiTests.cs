using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

public sealed class RemovedApiTests
{
    private static readonly SourceLocation ApiVersionAt = new(TestDocument.File, 1, 13);

    private readonly KubernetesKindCatalog _catalog = new();

    [Theory]
    [InlineData("extensions/v1beta1", "PodSecurityPolicy", "Kubernetes 1.16 removed extensions/v1beta1 PodSecurityPolicy")]
    [InlineData("policy/v1beta1", "PodSecurityPolicy", "Kubernetes 1.25 removed policy/v1beta1 PodSecurityPolicy")]
    public void Refuses_pod_security_policy_and_names_pod_security_admission(string apiVersion, string kind, string removal)
    {
        var diagnostic = Assert.Single(Validate(apiVersion, kind));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal($"{kind} in {apiVersion} is not served by Kubernetes 1.32", diagnostic.Summary);
        Assert.Equal(ApiVersionAt, diagnostic.Location);
        Assert.StartsWith(removal, diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Contains("Pod Security Admission", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("batch/v1beta1", "CronJob", "1.25", "batch/v1")]
    [InlineData("autoscaling/v2beta1", "HorizontalPodAutoscaler", "1.25", "autoscaling/v2")]
    [InlineData("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26", "autoscaling/v2")]
    [InlineData("networking.k8s.io/v1beta1", "Ingress", "1.22", "networking.k8s.io/v1")]
    [InlineData("rbac.authorization.k8s.io/v1beta1", "ClusterRole", "1.22", "rbac.authorization.k8s.io/v1")]
    [InlineData("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "1.22", "apiextensions.k8s.io/v1")]
    [InlineData("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", "1.22", "admissionregistration.k8s.io/v1")]
    [InlineData("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.32", "flowcontrol.apiserver.k8s.io/v1")]
    [InlineData("storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.27", "storage.k8s.io/v1")]
    [InlineData("apps/v1beta2", "Deployment", "1.16", "apps/v1")]
    public void Names_the_release_that_removed_a_version_and_its_replacement(string apiVersion, string kind, string release, string replacement)
    {
        var diagnostic = Assert.Single(Validate(apiVersion, kind));

        Assert.Equal(ApiVersionAt, diagnostic.Location);
        Assert.Contains($"Kubernetes {release} removed {apiVersion}", string.Join("\n", diagnostic.Detail), StringComparison.Ordinal);
        Assert.Equal($"Write apiVersion: {replacement}.", diagnostic.Detail[^1]);
    }

    [Theory]
    [InlineData("networking.k8s.io/v1beta1", "ServiceCIDR")]
    [InlineData("storage.k8s.io/v1beta1", "VolumeAttributesClass")]
    [InlineData("flowcontrol.apiserver.k8s.io/v1", "FlowSchema")]
    public void Leaves_kinds_a_group_version_still_serves_alone(string apiVersion, string kind)
    {
        Assert.Empty(Validate(apiVersion, kind));
    }

    private List<Diagnostic> Validate(string apiVersion, string kind)
    {
        var json = $$$"""{"apiVersion": "{{{apiVersion}}}", "kind": "{{{kind}}}", "metadata": {"name": "web"}}""";
        var document = new TestDocument(json).Value("/apiVersion", 1, 13).Value("/kind", 2, 7).Build();
        return [.. _catalog.Validate(document, TestResources.Context(document))];
    }
}
