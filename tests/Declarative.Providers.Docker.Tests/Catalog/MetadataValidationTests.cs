using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Providers.Docker.Tests.Catalog;

public sealed class MetadataValidationTests
{
    private static readonly CatalogContext Context = new(ImmutableArray<RenderedDocument>.Empty, "default");

    [Fact]
    public void Reports_a_misspelled_kind_with_the_kind_it_resembles()
    {
        var document = TestDocument.Of("Contaner", """{"image":"nginx"}""");

        var diagnostic = DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownKind, document.ValueAt("/kind"), "Did you mean Container?");
        Assert.Equal("Unknown kind Contaner", diagnostic.Summary);
    }

    [Fact]
    public void Lists_the_known_kinds_when_no_kind_is_close()
    {
        var document = TestDocument.Of("Database", """{"prots":[]}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownKind, document.ValueAt("/kind"), "Registry, Image, Container, Volume, Network");
    }

    [Fact]
    public void Reports_an_unknown_version_naming_the_served_one()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v2","kind":"Volume","metadata":{"name":"data"}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownKind, document.ValueAt("/apiVersion"), "docker.declarative.dev/v1 only");
    }

    [Fact]
    public void Reports_a_missing_name_at_the_metadata()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Volume","metadata":{"annotations":{}}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.MissingTypeOrName, document.ValueAt("/metadata"), "Add metadata.name.");
    }

    [Fact]
    public void Reports_a_missing_name_of_a_misspelled_kind_too()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Volumes"}""");

        var diagnostics = Validate(document);

        Assert.Equal([DiagnosticCodes.UnknownKind, DiagnosticCodes.MissingTypeOrName], diagnostics.Select(d => d.Code));
        Assert.Equal(document.ValueAt(string.Empty), diagnostics[1].Location);
    }

    [Theory]
    [InlineData("my app")]
    [InlineData("-web")]
    [InlineData("web/1")]
    public void Reports_a_name_docker_would_refuse(string name)
    {
        var document = TestDocument.Parse($$$"""{"apiVersion":"docker.declarative.dev/v1","kind":"Volume","metadata":{"name":"{{{name}}}"}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.InvalidValue, document.ValueAt("/metadata/name"), "must start with a letter or digit");
    }

    [Fact]
    public void Reports_a_name_that_is_not_a_string()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Volume","metadata":{"name":42}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.WrongType, document.ValueAt("/metadata/name"), "metadata.name must be a string, found a number");
    }

    [Fact]
    public void Reports_a_namespace_at_its_key()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Volume","metadata":{"name":"data","namespace":"prod"}}""");

        var diagnostic = DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownField, document.KeyAt("/metadata/namespace"), "Docker objects have no namespace");
        Assert.Equal("Unknown field metadata.namespace", diagnostic.Summary);
    }

    [Fact]
    public void Points_metadata_labels_to_spec_labels()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Volume","metadata":{"name":"data","labels":{"a":"b"}}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownField, document.KeyAt("/metadata/labels"), "spec.labels");
    }

    [Fact]
    public void Reports_an_unknown_top_level_field_at_its_key()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Volume","metadata":{"name":"data"},"status":{}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownField, document.KeyAt("/status"), "A Volume document has no top-level field \"status\".");
    }

    [Fact]
    public void Suggests_spec_for_a_misspelled_spec()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Volume","metadata":{"name":"data"},"spc":{}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownField, document.KeyAt("/spc"), "Did you mean \"spec\"?");
    }

    private static List<Diagnostic> Validate(RenderedDocument document) => [.. new DockerKindCatalog().Validate(document, Context)];
}
