using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Providers.Docker.Tests.Catalog;

public sealed class SchemaValidationTests
{
    private static readonly CatalogContext Context = new(ImmutableArray<RenderedDocument>.Empty, "default");

    [Fact]
    public void Reports_a_misspelled_field_at_its_key_with_the_field_it_resembles()
    {
        var document = TestDocument.Of("Container", """{"image":"nginx","prots":["80:80"]}""");

        var diagnostic = DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownField, document.KeyAt("/spec/prots"), "Did you mean \"ports\"?");
        Assert.Equal("Unknown field spec.prots", diagnostic.Summary);
    }

    [Fact]
    public void Lists_the_known_fields_when_no_field_is_close()
    {
        var document = TestDocument.Of("Network", """{"colour":"blue"}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownField, document.KeyAt("/spec/colour"), "driver, internal, subnet, labels");
    }

    [Fact]
    public void Reports_an_unknown_field_inside_the_healthcheck()
    {
        var document = TestDocument.Of("Container", """{"image":"nginx","healthcheck":{"intervall":"30s"}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.UnknownField, document.KeyAt("/spec/healthcheck/intervall"), "Did you mean \"interval\"?");
    }

    [Theory]
    [InlineData("Registry", """{"insecure":true}""", "spec.server")]
    [InlineData("Image", """{"repository":"ghcr.io/acme/api"}""", "spec.context")]
    [InlineData("Container", """{"ports":["80:80"]}""", "spec.image")]
    [InlineData("Container", """{"image":null}""", "spec.image")]
    public void Reports_a_missing_required_field_at_its_parent(string kind, string spec, string field)
    {
        var document = TestDocument.Of(kind, spec);

        var diagnostic = DiagnosticAssert.Single(Validate(document), DiagnosticCodes.MissingField, document.ValueAt("/spec"), $"Add {field}.");
        Assert.Equal($"Missing field {field}", diagnostic.Summary);
    }

    [Fact]
    public void Reports_the_required_fields_of_a_document_without_spec()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Image","metadata":{"name":"api"}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.MissingField, document.ValueAt(string.Empty), "An Image needs spec.context, a string.");
    }

    [Fact]
    public void Reports_a_map_where_a_list_belongs()
    {
        var document = TestDocument.Of("Container", """{"image":"nginx","ports":{"http":"80:80"}}""");

        var diagnostic = DiagnosticAssert.Single(Validate(document), DiagnosticCodes.WrongType, document.ValueAt("/spec/ports"), "spec.ports must be a list of strings, found a map.");
        Assert.Equal("Change spec.ports to a list of strings.", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Tells_to_quote_a_number_where_a_string_belongs()
    {
        var document = TestDocument.Of("Container", """{"image":"nginx","ports":[484880]}""");

        var diagnostic = DiagnosticAssert.Single(Validate(document), DiagnosticCodes.WrongType, document.ValueAt("/spec/ports/0"), "spec.ports[0] must be a string, found a number.");
        Assert.StartsWith("Write the value in quotes", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Tells_to_quote_an_unquoted_no_restart_policy()
    {
        var document = TestDocument.Of("Container", """{"image":"nginx","restart":false}""");

        var diagnostic = DiagnosticAssert.Single(Validate(document), DiagnosticCodes.WrongType, document.ValueAt("/spec/restart"), "found a boolean");
        Assert.Contains("such as no", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Registry", """{"server":"ghcr.io","insecure":"yes"}""", "/spec/insecure", "spec.insecure must be a boolean (true or false), found a string.")]
    [InlineData("Network", """{"internal":1}""", "/spec/internal", "spec.internal must be a boolean (true or false), found a number.")]
    [InlineData("Container", """{"image":"nginx","labels":{"version":2}}""", "/spec/labels/version", "spec.labels.version must be a string, found a number.")]
    [InlineData("Container", """{"image":"nginx","stopTimeout":"30s"}""", "/spec/stopTimeout", "spec.stopTimeout must be a number, found a string.")]
    [InlineData("Container", """{"image":"nginx","env":{"PATHS":["/a"]}}""", "/spec/env/PATHS", "must be a string, number or boolean, found a list.")]
    [InlineData("Container", """{"image":"nginx","command":["run",1]}""", "/spec/command/1", "spec.command[1] must be a string, found a number.")]
    [InlineData("Container", """{"image":"nginx","command":{"run":"x"}}""", "/spec/command", "must be a string or a list of strings, found a map.")]
    [InlineData("Container", """{"image":"nginx","healthcheck":"curl localhost"}""", "/spec/healthcheck", "spec.healthcheck must be a map, found a string.")]
    [InlineData("Container", """{"image":"nginx","networks":[null]}""", "/spec/networks/0", "spec.networks[0] must be a string, found null.")]
    [InlineData("Volume", """{"driverOpts":["type=tmpfs"]}""", "/spec/driverOpts", "spec.driverOpts must be a map of strings to strings, found a list.")]
    [InlineData("Registry", """{"server":"ghcr.io","username":"bot","password":42}""", "/spec/password", "must be a string, {fromEnv: VAR} or {fromFile: PATH}, found a number.")]
    [InlineData("Image", "[]", "/spec", "spec must be a map, found a list.")]
    public void Reports_a_value_of_the_wrong_type_at_the_value(string kind, string spec, string pointer, string message)
    {
        var document = TestDocument.Of(kind, spec);

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.WrongType, document.ValueAt(pointer), message);
    }

    [Fact]
    public void Treats_null_as_an_absent_optional_field()
    {
        var document = TestDocument.Of("Container", """{"image":"nginx","ports":null,"env":null}""");

        Assert.Empty(Validate(document));
    }

    [Fact]
    public void Reports_every_problem_in_document_order()
    {
        var document = TestDocument.Of("Container", """{"imag":"nginx","ports":["80"],"restart":"sometimes","workdir":"app"}""");

        var diagnostics = Validate(document);

        Assert.Equal(
            [(DiagnosticCodes.UnknownField, document.KeyAt("/spec/imag")),
             (DiagnosticCodes.InvalidValue, document.ValueAt("/spec/ports/0")),
             (DiagnosticCodes.InvalidValue, document.ValueAt("/spec/restart")),
             (DiagnosticCodes.InvalidValue, document.ValueAt("/spec/workdir")),
             (DiagnosticCodes.MissingField, document.ValueAt("/spec"))],
            diagnostics.Select(d => (d.Code, d.Location)));
    }

    [Fact]
    public void Reports_a_password_without_username_at_the_password()
    {
        var document = TestDocument.Of("Registry", """{"server":"ghcr.io","password":{"fromEnv":"GHCR_TOKEN"}}""");

        var diagnostic = DiagnosticAssert.Single(Validate(document), DiagnosticCodes.MissingField, document.KeyAt("/spec/password"), "Add spec.username, or remove spec.password.");
        Assert.Equal("Missing field spec.username", diagnostic.Summary);
    }

    [Fact]
    public void Reports_an_image_registry_without_repository()
    {
        var document = TestDocument.Of("Image", """{"context":".","registry":"local"}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.MissingField, document.KeyAt("/spec/registry"), "Add spec.repository");
    }

    [Fact]
    public void Reports_a_credential_with_both_sources()
    {
        var document = TestDocument.Of("Registry", """{"server":"ghcr.io","username":"bot","password":{"fromEnv":"TOKEN","fromFile":"./token"}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.InvalidValue, document.ValueAt("/spec/password"), "spec.password has fromEnv and fromFile, but only one of them may be set.");
    }

    [Fact]
    public void Reports_a_credential_with_a_misspelled_source()
    {
        var document = TestDocument.Of("Registry", """{"server":"ghcr.io","username":{"fromEnvv":"USER"},"password":"pw"}""");

        var diagnostics = Validate(document);

        Assert.Equal(2, diagnostics.Count);
        Assert.Equal((DiagnosticCodes.UnknownField, document.KeyAt("/spec/username/fromEnvv")), (diagnostics[0].Code, diagnostics[0].Location));
        Assert.Contains("Did you mean \"fromEnv\"?", DiagnosticAssert.Text(diagnostics[0]), StringComparison.Ordinal);
        Assert.Equal((DiagnosticCodes.MissingField, document.ValueAt("/spec/username")), (diagnostics[1].Code, diagnostics[1].Location));
        Assert.Contains("spec.username must have one of fromEnv or fromFile.", diagnostics[1].Detail);
    }

    [Theory]
    [InlineData("""{"image":"nginx","env":{"MY VAR":"x"}}""", "/spec/env/MY VAR", "Invalid variable name in spec.env")]
    [InlineData("""{"image":"nginx","env":{"1ST":"x"}}""", "/spec/env/1ST", "The key \"1ST\" in spec.env is not valid")]
    public void Reports_an_invalid_variable_name_at_its_key(string spec, string pointer, string fragment)
    {
        var document = TestDocument.Of("Container", spec);

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.InvalidValue, document.KeyAt(pointer), fragment);
    }

    [Fact]
    public void Reports_an_invalid_build_argument_name_at_its_key()
    {
        var document = TestDocument.Of("Image", """{"context":".","buildArgs":{"BASE-IMAGE!":"node"}}""");

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.InvalidValue, document.KeyAt("/spec/buildArgs/BASE-IMAGE!"), "Invalid variable name in spec.buildArgs");
    }

    private static List<Diagnostic> Validate(RenderedDocument document) => [.. new DockerKindCatalog().Validate(document, Context)];
}
