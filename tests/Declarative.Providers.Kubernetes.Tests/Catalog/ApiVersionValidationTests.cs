using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

public sealed class ApiVersionValidationTests
{
    private static readonly SourceLocation ApiVersionAt = new(TestDocument.File, 1, 13);
    private static readonly SourceLocation KindAt = new(TestDocument.File, 2, 7);

    private readonly KubernetesKindCatalog _catalog = new();

    [Theory]
    [InlineData("apps/v1  for k8s versions before 1.9.0 use apps/v1beta2", "Deployment", "it has 2 '/' characters")]
    [InlineData("apps/v1/extra", "Deployment", "it has 2 '/' characters")]
    [InlineData("apps/", "Deployment", "the version after '/' is empty")]
    [InlineData("/v1", "ConfigMap", "the group before '/' is empty")]
    [InlineData("Apps/v1", "Deployment", "the group \"Apps\" is not a DNS subdomain")]
    [InlineData("example_com/v1", "Widget", "the group \"example_com\" is not a DNS subdomain")]
    [InlineData("example.com/V1", "Widget", "the version \"V1\" is not a DNS-1035 label")]
    [InlineData("example.com/1", "Widget", "the version \"1\" is not a DNS-1035 label")]
    [InlineData("v1 beta", "ConfigMap", "the version \"v1 beta\" is not a DNS-1035 label")]
    public void Reports_a_malformed_api_version_at_the_api_version(string apiVersion, string kind, string problem)
    {
        var diagnostic = Assert.Single(Validate(apiVersion, kind));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("Malformed apiVersion", diagnostic.Summary);
        Assert.Equal(ApiVersionAt, diagnostic.Location);
        Assert.StartsWith($"\"{apiVersion}\" is not a valid apiVersion: {problem}", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.StartsWith("Write apiVersion", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apps/v1  for k8s versions before 1.9.0 use apps/v1beta2", "Deployment", "Write apiVersion: apps/v1, and put '#' before the comment.")]
    [InlineData("Apps/V1", "Deployment", "Write apiVersion: apps/v1.")]
    [InlineData("apps/v1/extra", "Deployment", "Write apiVersion: apps/v1.")]
    [InlineData("apps/", "Deployment", "Write apiVersion: apps/v1.")]
    [InlineData("/v1", "ConfigMap", "Write apiVersion: v1.")]
    [InlineData("example.com/v1/beta", "Widget", "Write apiVersion as <group>/<version>, for example \"example.com/v1\", or as the version alone for the core group, for example \"v1\".")]
    public void Says_what_apiVersion_to_write_instead(string apiVersion, string kind, string advice)
    {
        var diagnostic = Assert.Single(Validate(apiVersion, kind));

        Assert.Equal(advice, diagnostic.Detail[^1]);
    }

    [Fact]
    public void Reports_a_malformed_api_version_once_even_when_a_crd_defines_the_kind()
    {
        var crd = TestResources.Crd("example.com", "Widget", "widgets", "Namespaced", "v1");

        var diagnostic = Assert.Single(Validate("example.com/v1 beta", "Widget", crd));

        Assert.Equal("Malformed apiVersion", diagnostic.Summary);
    }

    [Theory]
    [InlineData("v1", "ConfigMap")]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("autoscaling/v1", "HorizontalPodAutoscaler")]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler")]
    [InlineData("example.com/v1alpha1", "Widget")]
    [InlineData("k8s.example-corp.io/v2beta3", "widget")]
    public void Accepts_well_formed_served_api_versions(string apiVersion, string kind)
    {
        Assert.Empty(Validate(apiVersion, kind));
    }

    [Theory]
    [InlineData("apps/v1beta2", "Deployment", "apps/v1")]
    [InlineData("apps/v1beta1", "StatefulSet", "apps/v1")]
    [InlineData("extensions/v1beta1", "Deployment", "apps/v1")]
    [InlineData("extensions/v1beta1", "Ingress", "networking.k8s.io/v1")]
    [InlineData("networking.k8s.io/v1beta1", "Ingress", "networking.k8s.io/v1")]
    [InlineData("policy/v1beta1", "PodDisruptionBudget", "policy/v1")]
    [InlineData("rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", "rbac.authorization.k8s.io/v1")]
    [InlineData("batch/v1beta1", "CronJob", "batch/v1")]
    [InlineData("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "apiextensions.k8s.io/v1")]
    [InlineData("autoscaling/v2beta2", "HorizontalPodAutoscaler", "autoscaling/v2")]
    [InlineData("v2", "ConfigMap", "v1")]
    public void Reports_a_removed_version_of_a_built_in_kind_at_the_api_version(string apiVersion, string kind, string served)
    {
        var diagnostic = Assert.Single(Validate(apiVersion, kind));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal($"{kind} in {apiVersion} is not served by Kubernetes 1.32", diagnostic.Summary);
        Assert.Equal(ApiVersionAt, diagnostic.Location);
        Assert.Contains($"no matches for kind \"{kind}\" in version \"{apiVersion}\"", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Equal($"Write apiVersion: {served}.", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Names_every_served_version_of_a_kind_served_in_several()
    {
        var diagnostic = Assert.Single(Validate("autoscaling/v2beta1", "HorizontalPodAutoscaler"));

        Assert.StartsWith("Kubernetes 1.32 serves HorizontalPodAutoscaler only in autoscaling/v2 and autoscaling/v1,", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("networking.k8s.io/v1beta1", "ServiceCIDR")]
    [InlineData("storage.k8s.io/v1beta1", "VolumeAttributesClass")]
    [InlineData("admissionregistration.k8s.io/v1alpha1", "MutatingAdmissionPolicy")]
    [InlineData("resource.k8s.io/v1beta1", "ResourceClaim")]
    public void Leaves_beta_only_kinds_to_discovery(string apiVersion, string kind)
    {
        Assert.Empty(Validate(apiVersion, kind));
    }

    [Theory]
    [InlineData("apps/v1", "deployment", "Deployment")]
    [InlineData("v1", "configmap", "ConfigMap")]
    [InlineData("networking.k8s.io/v1", "INGRESS", "Ingress")]
    public void Reports_a_built_in_kind_in_the_wrong_case_at_the_kind(string apiVersion, string kind, string expected)
    {
        var diagnostic = Assert.Single(Validate(apiVersion, kind));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal($"Unknown kind \"{kind}\" in {apiVersion}", diagnostic.Summary);
        Assert.Equal(KindAt, diagnostic.Location);
        Assert.EndsWith($"Did you mean {expected}?", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Equal($"Write kind: {expected}.", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Reports_both_the_case_and_the_removed_version()
    {
        var diagnostics = Validate("apps/v1beta2", "deployment");

        Assert.Equal(
            ["Unknown kind \"deployment\" in apps/v1beta2", "Deployment in apps/v1beta2 is not served by Kubernetes 1.32"],
            diagnostics.Select(d => d.Summary));
    }

    [Fact]
    public void Leaves_a_lowercase_kind_of_a_custom_group_alone()
    {
        Assert.Empty(Validate("example.com/v1", "deployment"));
    }

    [Fact]
    public void Reports_a_misspelt_kind_of_a_built_in_group_with_the_kind_meant()
    {
        var diagnostic = Assert.Single(Validate("apps/v1", "Deploymnet"));

        Assert.Equal(DiagnosticCodes.UnknownKind, diagnostic.Code);
        Assert.Equal(KindAt, diagnostic.Location);
        Assert.Contains("Did you mean Deployment?", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Equal("Write kind: Deployment.", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Leaves_a_kind_of_a_built_in_group_near_none_of_its_kinds_to_discovery()
    {
        Assert.Empty(Validate("networking.k8s.io/v1", "IPAddress"));
    }

    [Theory]
    [InlineData("declarative.dev/v1", "Imgae")]
    [InlineData("dockr.declarative.dev/v1", "Image")]
    public void Reports_a_kind_in_declaratives_own_domain_that_no_provider_serves(string apiVersion, string kind)
    {
        var diagnostic = Assert.Single(Validate(apiVersion, kind));

        Assert.Equal(DiagnosticCodes.UnknownKind, diagnostic.Code);
        Assert.Equal(ApiVersionAt, diagnostic.Location);
        Assert.Contains("docker.declarative.dev/v1", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    private List<Diagnostic> Validate(string apiVersion, string kind, params RenderedDocument[] others)
    {
        var json = $$$"""{"apiVersion": "{{{apiVersion}}}", "kind": "{{{kind}}}", "metadata": {"name": "web"}}""";
        var document = new TestDocument(json).Value("/apiVersion", 1, 13).Value("/kind", 2, 7).Build();
        return [.. _catalog.Validate(document, TestResources.Context([document, .. others]))];
    }
}
