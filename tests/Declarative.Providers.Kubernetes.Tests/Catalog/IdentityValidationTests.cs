using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

public sealed class IdentityValidationTests
{
    private readonly KubernetesKindCatalog _catalog = new();

    [Fact]
    public void Accepts_a_well_formed_deployment()
    {
        var document = TestDocument.Parse("""
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "web", "namespace": "shop", "labels": {"app.kubernetes.io/name": "web"}, "annotations": {"note": "any text: at all"}},
             "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                      "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx"}]}}}}
            """);

        Assert.Empty(Validate(document));
    }

    [Fact]
    public void Quotes_only_the_start_of_a_huge_invalid_name()
    {
        var name = new string('X', 10_000_000);
        var document = TestDocument.Parse($$$"""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "{{{name}}}"}}""");

        var diagnostic = Assert.Single(Validate(document), d => d.Summary == "Invalid object name");

        Assert.True(diagnostic.Detail[0].Length < 400, $"{diagnostic.Detail[0].Length:N0} characters");
        Assert.Contains("(10,000,000 characters)", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_missing_metadata_at_the_document_start()
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "data": {}}""").Value("/data", 3, 7).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.MissingTypeOrName, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 1, 1), diagnostic.Location);
    }

    [Fact]
    public void Reports_metadata_that_is_not_a_map_at_metadata()
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": "web"}""").Value("/metadata", 3, 11).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.MissingTypeOrName, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 3, 11), diagnostic.Location);
        Assert.Contains("a string", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_missing_name_at_metadata()
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"labels": {"app": "web"}}}""")
            .Value("/metadata", 4, 3).Value("/metadata/labels", 5, 5).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.MissingTypeOrName, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("Object has no name", diagnostic.Summary);
        Assert.Equal(new SourceLocation(TestDocument.File, 4, 3), diagnostic.Location);
        Assert.Equal("Add metadata.name.", diagnostic.Detail[^1]);
    }

    [Theory]
    [InlineData("\"\"", "empty")]
    [InlineData("42", "a number")]
    [InlineData("true", "a boolean")]
    public void Reports_a_name_that_is_not_a_non_empty_string_at_the_name(string name, string described)
    {
        var document = new TestDocument("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": NAME}}""".Replace("NAME", name, StringComparison.Ordinal))
            .Value("/metadata", 4, 3).Value("/metadata/name", 4, 9).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.MissingTypeOrName, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 4, 9), diagnostic.Location);
        Assert.Contains(described == "empty" ? "a string" : described, diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_generate_name_without_name_at_generate_name()
    {
        var document = new TestDocument("""{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"generateName": "migrate-"}}""")
            .Value("/metadata", 4, 3).Value("/metadata/generateName", 4, 17).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.GenerateNameWithoutName, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 4, 17), diagnostic.Location);
        Assert.Contains("cannot be tracked across runs", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Equal("Set metadata.name to a fixed name and remove metadata.generateName.", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Accepts_generate_name_next_to_a_name()
    {
        var document = TestDocument.Parse("""{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "migrate", "generateName": "migrate-"}}""");

        Assert.Empty(Validate(document));
    }

    [Theory]
    [InlineData("v1", "ConfigMap", "Web_Config")]
    [InlineData("v1", "ConfigMap", "web-")]
    [InlineData("apps/v1", "Deployment", "Web")]
    [InlineData("v1", "Namespace", "team.a")]
    [InlineData("v1", "Service", "1web")]
    [InlineData("v1", "Service", "web.internal")]
    [InlineData("example.com/v1", "Widget", "my widget")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", "team/reader")]
    public void Reports_a_name_of_the_wrong_syntax_at_the_name(string apiVersion, string kind, string name)
    {
        var document = new TestDocument(Json(apiVersion, kind, name))
            .Value("/metadata", 4, 3).Value("/metadata/name", 4, 9).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal("Invalid object name", diagnostic.Summary);
        Assert.Equal(new SourceLocation(TestDocument.File, 4, 9), diagnostic.Location);
        Assert.StartsWith($"\"{name}\" is not a valid {kind} name", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1", "ConfigMap", "web.config-1")]
    [InlineData("apps/v1", "Deployment", "1web")]
    [InlineData("v1", "Namespace", "team-a")]
    [InlineData("v1", "Service", "web-1")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", "system:aggregate-to-view")]
    [InlineData("certificates.k8s.io/v1", "CertificateSigningRequest", "Node CSR:1")]
    public void Accepts_names_that_the_api_server_accepts(string apiVersion, string kind, string name)
    {
        var document = TestDocument.Parse(Json(apiVersion, kind, name));

        Assert.Empty(Validate(document));
    }

    [Fact]
    public void Reports_a_name_longer_than_a_dns_label_for_a_namespace()
    {
        var document = TestDocument.Parse(Json("v1", "Namespace", new string('a', 64)));

        var diagnostic = Assert.Single(Validate(document));

        Assert.Contains("no more than 63 characters", diagnostic.Detail[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_crd_not_named_plural_dot_group()
    {
        var document = new TestDocument("""
            {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": {"name": "widget"},
             "spec": {"group": "example.com", "scope": "Namespaced", "names": {"kind": "Widget", "plural": "widgets"}, "versions": [{"name": "v1", "served": true, "storage": true}]}}
            """).Value("/metadata/name", 4, 9).Build();

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(new SourceLocation(TestDocument.File, 4, 9), diagnostic.Location);
        Assert.Equal("Set metadata.name to \"widgets.example.com\".", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Accepts_a_crd_named_plural_dot_group()
    {
        Assert.Empty(Validate(TestResources.Crd("example.com", "Widget", "widgets", "Namespaced", "v1")));
    }

    private static string Json(string apiVersion, string kind, string name) =>
        $$$"""{"apiVersion": "{{{apiVersion}}}", "kind": "{{{kind}}}", "metadata": {"name": "{{{name}}}"}}""";

    private List<Diagnostic> Validate(RenderedDocument document) => [.. _catalog.Validate(document, TestResources.Context())];
}
