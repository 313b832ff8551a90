using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

public sealed class MetadataValidationTests
{
    private readonly KubernetesKindCatalog _catalog = new();

    [Fact]
    public void Warns_about_a_namespace_on_a_cluster_scoped_kind()
    {
        var document = new TestDocument("""{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "reader", "namespace": "shop"}}""")
            .Value("/metadata", 4, 3).Value("/metadata/namespace", 5, 14).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(new SourceLocation(TestDocument.File, 5, 14), diagnostic.Location);
        Assert.Equal("Remove metadata.namespace.", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Warns_about_a_namespace_on_a_custom_cluster_scoped_kind()
    {
        var crd = TestResources.Crd("example.com", "Tenant", "tenants", "Cluster", "v1");
        var document = TestDocument.Parse("""{"apiVersion": "example.com/v1", "kind": "Tenant", "metadata": {"name": "acme", "namespace": "shop"}}""");

        var diagnostic = Assert.Single(Validate(document, crd));

        Assert.Equal(Severity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Reports_a_namespace_that_is_not_a_dns_label()
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "web", "namespace": "Team_A"}}""")
            .Value("/metadata/namespace", 5, 14).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(new SourceLocation(TestDocument.File, 5, 14), diagnostic.Location);
    }

    [Fact]
    public void Reports_labels_that_are_not_a_map_at_the_labels()
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "web", "labels": ["app=web"]}}""")
            .Value("/metadata", 4, 3).Value("/metadata/labels", 6, 5).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.WrongType, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 6, 5), diagnostic.Location);
        Assert.Contains("a list", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("labels", "1.5", "a number")]
    [InlineData("labels", "true", "a boolean")]
    [InlineData("annotations", "2", "a number")]
    [InlineData("annotations", "false", "a boolean")]
    [InlineData("annotations", "{\"a\": \"b\"}", "a map")]
    public void Reports_a_value_that_is_not_a_string_at_the_value(string field, string value, string described)
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "web", "FIELD": {"version": VALUE}}}""".Replace("FIELD", field, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal))
            .Value($"/metadata/{field}", 6, 5).Key($"/metadata/{field}/version", 7, 7).Value($"/metadata/{field}/version", 7, 16).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.WrongType, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 7, 16), diagnostic.Location);
        Assert.Contains($"is {described}", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.StartsWith("Quote the value", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("labels", "-app")]
    [InlineData("labels", "Example.com/app")]
    [InlineData("annotations", "example.com/")]
    [InlineData("annotations", "a/b/c")]
    public void Reports_a_malformed_key_at_the_key(string field, string key)
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "web", "FIELD": {"KEY": "x"}}}""".Replace("FIELD", field, StringComparison.Ordinal).Replace("KEY", key, StringComparison.Ordinal))
            .Value($"/metadata/{field}", 6, 5).Key($"/metadata/{field}/{JsonPointer.Escape(key)}", 7, 7).Value($"/metadata/{field}/{JsonPointer.Escape(key)}", 7, 20).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 7, 7), diagnostic.Location);
    }

    [Fact]
    public void Reports_a_label_value_of_the_wrong_syntax_at_the_value()
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "web", "labels": {"team": "web team"}}}""")
            .Key("/metadata/labels/team", 7, 7).Value("/metadata/labels/team", 7, 13).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal("Invalid label value", diagnostic.Summary);
        Assert.Equal(new SourceLocation(TestDocument.File, 7, 13), diagnostic.Location);
    }

    [Fact]
    public void Accepts_null_label_and_annotation_values_which_the_api_server_reads_as_empty()
    {
        var document = TestDocument.Parse("""
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "web", "labels": {"a": null, "app": "web"}, "annotations": {"bar": null}}}
            """);

        Assert.Empty(Validate(document));
    }

    [Fact]
    public void Still_checks_the_key_of_a_null_value()
    {
        var document = TestDocument.Parse("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "web", "labels": {"-a": null}}}""");

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal("Invalid label key", diagnostic.Summary);
    }

    [Fact]
    public void Accepts_empty_label_values_and_free_text_annotations()
    {
        var document = TestDocument.Parse("""
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "web", "labels": {"example.com/flag": "", "tier": "Front_end.1"}, "annotations": {"description": "Serves the shop's front page."}}}
            """);

        Assert.Empty(Validate(document));
    }

    [Fact]
    public void Reports_a_custom_object_whose_version_the_projects_crd_does_not_define()
    {
        var crd = TestResources.Crd("example.com", "Widget", "widgets", "Namespaced", "v1", "v1beta1");
        var document = new TestDocument("""{"apiVersion": "example.com/v2", "kind": "Widget", "metadata": {"name": "w"}}""")
            .Value("/apiVersion", 1, 13).Build();

        var diagnostic = Assert.Single(Validate(document, crd));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 1, 13), diagnostic.Location);
        Assert.Contains("v1, v1beta1, not v2", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_custom_object_of_a_version_the_crd_defines()
    {
        var crd = TestResources.Crd("example.com", "Widget", "widgets", "Namespaced", "v1", "v1beta1");
        var document = TestDocument.Parse("""{"apiVersion": "example.com/v1beta1", "kind": "Widget", "metadata": {"name": "w"}}""");

        Assert.Empty(Validate(document, crd));
    }

    private List<Diagnostic> Validate(RenderedDocument document, params RenderedDocument[] others) =>
        [.. _catalog.Validate(document, TestResources.Context([document, .. others]))];
}
