using System.Net;
using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Core.DoubleServer;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

public sealed class CrdTests : IAsyncLifetime
{
    private const string Crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private const string Widgets = "/apis/example.com/v1/namespaces/default/widgets";
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private static JsonObject WidgetCrd() => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"kind":"Widget","plural":"widgets","singular":"widget","shortNames":["wd"]},
           "versions":[{"name":"v1","served":true,"storage":true,
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},
             "subresources":{"status":{},"scale":{"specReplicasPath":".spec.size","statusReplicasPath":".status.size"}}}]}}
        """)!.AsObject();

    private static JsonObject Widget(string name) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["size"] = 2 },
    };

    [Fact]
    public async Task A_created_crd_is_established_and_its_resource_is_usable_in_the_same_run()
    {
        Assert.Equal("404 page not found\n", (await _server.GetAsync(Widgets)).Body!.GetValue<string>());
        var crd = await _server.CreateAsync(Crds, WidgetCrd());
        var conditions = crd["status"]!["conditions"]!.AsArray();
        Assert.Contains(conditions, c => Text(c, "type") == "Established" && Text(c, "status") == "True" && Text(c, "reason") == "InitialNamesAccepted");
        Assert.Contains(conditions, c => Text(c, "type") == "NamesAccepted" && Text(c, "status") == "True");
        Assert.Equal("v1", crd["status"]!["storedVersions"]![0]!.GetValue<string>());

        await _server.CreateAsync(Widgets, Widget("one"));
        var (_, list) = await _server.GetAsync(Widgets);
        Assert.Equal("WidgetList", Text(list, "kind"));
        var item = list!["items"]![0]!;
        Assert.Equal("Widget", Text(item, "kind"));
        Assert.Equal("example.com/v1", Text(item, "apiVersion"));

        var (_, scale) = await _server.GetAsync($"{Widgets}/one/scale");
        Assert.Equal("2", Text(scale, "spec.replicas"));
    }

    [Fact]
    public async Task Strategic_merge_patch_on_a_custom_resource_is_415()
    {
        await _server.CreateAsync(Crds, WidgetCrd());
        await _server.CreateAsync(Widgets, Widget("one"));
        var (code, status) = await _server.PatchAsync($"{Widgets}/one", "{}", "application/strategic-merge-patch+json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, code);
        Assert.EndsWith("include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml", Text(status, "message"));
    }

    [Fact]
    public async Task Deleting_the_crd_stops_serving_its_resource()
    {
        await _server.CreateAsync(Crds, WidgetCrd());
        await _server.CreateAsync(Widgets, Widget("one"));
        Assert.Equal(HttpStatusCode.OK, (await _server.DeleteAsync($"{Crds}/widgets.example.com")).Code);
        var (code, body) = await _server.GetAsync(Widgets);
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("404 page not found\n", body!.GetValue<string>());
    }
}
