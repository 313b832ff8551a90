using System.Net;
using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Core.DoubleServer;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

public sealed class FinalizeAndBodyTests : IAsyncLifetime
{
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Emptying_spec_finalizers_through_finalize_removes_a_terminating_namespace()
    {
        await _server.CreateAsync("/api/v1/namespaces", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "done" } });
        var (_, terminating) = await _server.DeleteAsync("/api/v1/namespaces/done");
        Assert.Equal("Terminating", Text(terminating, "status.phase"));

        terminating!["spec"]!["finalizers"] = new JsonArray();
        var (code, _) = await _server.PutAsync("/api/v1/namespaces/done/finalize", terminating);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync("/api/v1/namespaces/done")).Code);
    }

    [Fact]
    public async Task A_body_with_a_duplicate_key_is_400_under_strict_field_validation_not_a_server_error()
    {
        // Without fieldValidation (Warn) the last value wins, as in Go's decoder: FieldValidationTests.
        var (code, status) = await _server.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldValidation=Strict", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","name":"b"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("BadRequest", Text(status, "reason"));
        Assert.Equal("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: duplicate field \"metadata.name\"", Text(status, "message"));
    }
}
