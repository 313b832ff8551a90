using System.Net;
using Declarative.Kubernetes.ApiServer.Tests.Core;
using static Declarative.Kubernetes.ApiServer.Tests.Validation.ValidationClient;

namespace Declarative.Kubernetes.ApiServer.Tests.Validation;

/// <summary>
/// Custom resources against their CRD's openAPIV3Schema as apiextensions-apiserver answers (sources:
/// apiextensions-apiserver pkg/apiserver/validation/validation.go kubeOpenAPIResultToFieldErrors for the causes,
/// kube-openapi pkg/validation/errors for the "in body" texts, pkg/apiserver/schema/pruning for unknown fields).
/// </summary>
public sealed class CustomResourceValidationTests : IAsyncLifetime
{
    private const string Crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private const string Gadgets = "/apis/example.com/v1/namespaces/default/gadgets";
    private readonly DoubleServer _server = new();

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var crd = await PostAsync(_server, Crds, """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"gadgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced","names":{"kind":"Gadget","plural":"gadgets"},
               "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","properties":{
                 "spec":{"type":"object","required":["size"],"properties":{
                   "size":{"type":"integer","minimum":1,"maximum":10},
                   "color":{"type":"string","enum":["red","blue"]},
                   "name":{"type":"string","pattern":"^[a-z]+$","maxLength":8},
                   "port":{"x-kubernetes-int-or-string":true},
                   "tags":{"type":"array","maxItems":2,"items":{"type":"string"}},
                   "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}}}]}}
            """);
        Assert.Equal(HttpStatusCode.Created, crd.Code);
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    private static string Gadget(string spec) =>
        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":\"g\"},\"spec\":" + spec + "}";

    [Fact]
    public async Task A_valid_custom_resource_is_stored_with_int_or_string_and_preserved_fields()
    {
        var answer = await PostAsync(_server, Gadgets, Gadget("""{"size":3,"color":"red","name":"abc","port":"http","tags":["a"],"extra":{"anything":{"goes":1}}}"""));

        Assert.Equal(HttpStatusCode.Created, answer.Code);
        Assert.Empty(answer.Warnings);
        Assert.Equal("1", DoubleServer.Text(answer.Body, "spec.extra.anything.goes"));
    }

    [Theory]
    [InlineData("""{"size":"big"}""", "spec.size: Invalid value: \"string\": spec.size in body must be of type integer: \"string\"")]
    [InlineData("""{"color":"red"}""", "spec.size: Required value")]
    [InlineData("""{"size":1,"color":"green"}""", "spec.color: Unsupported value: \"green\": supported values: \"red\", \"blue\"")]
    [InlineData("""{"size":20}""", "spec.size: Invalid value: 20: spec.size in body should be less than or equal to 10")]
    [InlineData("""{"size":0}""", "spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1")]
    [InlineData("""{"size":1,"name":"Abc"}""", "spec.name: Invalid value: \"Abc\": spec.name in body should match '^[a-z]+$'")]
    [InlineData("""{"size":1,"name":"abcdefghij"}""", "spec.name: Too long: may not be more than 8 bytes")]
    [InlineData("""{"size":1,"tags":["a","b","c"]}""", "spec.tags: Too many: 3: must have at most 2 items")]
    [InlineData("""{"size":1,"tags":[1]}""", "spec.tags[0]: Invalid value: \"integer\": spec.tags[0] in body must be of type string: \"integer\"")]
    public async Task An_invalid_custom_resource_is_422_with_the_field_cause(string spec, string cause)
    {
        var answer = await PostAsync(_server, Gadgets, Gadget(spec));

        Assert.Equal((HttpStatusCode)422, answer.Code);
        Assert.Equal("Invalid", answer.Reason);
        Assert.Equal($"Gadget.example.com \"g\" is invalid: {cause}", answer.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(_server, $"{Gadgets}/g")).Code);
    }

    [Fact]
    public async Task Several_failures_are_listed_in_one_status()
    {
        var answer = await PostAsync(_server, Gadgets, Gadget("""{"color":"green"}"""));

        Assert.Equal("Gadget.example.com \"g\" is invalid: [spec.size: Required value, spec.color: Unsupported value: \"green\": supported values: \"red\", \"blue\"]", answer.Message);
        Assert.Equal(2, answer.Body!["details"]!["causes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_with_a_warning_and_refused_under_strict()
    {
        var strict = await PostAsync(_server, $"{Gadgets}?fieldValidation=Strict", Gadget("""{"size":1,"sise":2}"""));
        var warned = await PostAsync(_server, Gadgets, Gadget("""{"size":1,"sise":2}"""));

        Assert.Equal(HttpStatusCode.BadRequest, strict.Code);
        Assert.Equal("Gadget in version \"v1\" cannot be handled as a Gadget: strict decoding error: unknown field \"spec.sise\"", strict.Message);
        Assert.Equal(HttpStatusCode.Created, warned.Code);
        Assert.Equal(["299 - \"unknown field \\\"spec.sise\\\"\""], warned.Warnings);
        Assert.Null(warned.Body!["spec"]!["sise"]);
    }

    [Fact]
    public async Task An_update_and_a_merge_patch_are_validated_too()
    {
        await PostAsync(_server, Gadgets, Gadget("""{"size":1}"""));

        var put = await PutAsync(_server, $"{Gadgets}/g", Gadget("""{"size":11}"""));
        var patch = await PatchAsync(_server, $"{Gadgets}/g", """{"spec":{"color":"green"}}""", "application/merge-patch+json");

        Assert.Equal("Gadget.example.com \"g\" is invalid: spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10", put.Message);
        Assert.Equal("Gadget.example.com \"g\" is invalid: spec.color: Unsupported value: \"green\": supported values: \"red\", \"blue\"", patch.Message);
    }

    [Fact]
    public async Task Server_side_apply_of_an_undeclared_field_fails_as_for_built_in_kinds()
    {
        var applied = "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  size: 1\n  sise: 2\n";

        var answer = await PatchAsync(_server, $"{Gadgets}/g?fieldManager=kubectl&fieldValidation=Strict", applied, "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Code);
        Assert.Equal("failed to create typed patch object (default/g; example.com/v1, Kind=Gadget): .spec.sise: field not declared in schema", answer.Message);
    }
}
