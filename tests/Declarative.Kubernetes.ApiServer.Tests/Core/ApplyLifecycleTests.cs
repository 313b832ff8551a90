using System.Net;
using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Core.DoubleServer;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

/// <summary>Server-side apply, admission and dry-run together, over HTTPS, as a client sees them.</summary>
public sealed class ApplyLifecycleTests : IAsyncLifetime
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private const string Services = "/api/v1/namespaces/default/services";
    private const string Apply = "application/apply-patch+yaml";
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Force_takes_ownership_of_a_field_another_manager_owns()
    {
        await _server.PatchAsync($"{Deployments}/web?fieldManager=first", Deployment("web", replicas: 2).ToJsonString(), Apply);

        var (code, forced) = await _server.PatchAsync($"{Deployments}/web?fieldManager=second&force=true", Deployment("web", replicas: 5).ToJsonString(), Apply);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("5", Text(forced, "spec.replicas"));
        var owners = forced!["metadata"]!["managedFields"]!.AsArray()
            .Where(e => e!["fieldsV1"]?["f:spec"]?["f:replicas"] is not null)
            .Select(e => e!["manager"]!.GetValue<string>());
        Assert.Equal(["second"], owners);
    }

    [Fact]
    public async Task A_field_dropped_from_the_apply_is_removed_when_nobody_else_owns_it()
    {
        var first = Deployment("web");
        first["metadata"]!["labels"] = new JsonObject { ["app"] = "web", ["tier"] = "front" };
        await _server.PatchAsync($"{Deployments}/web?fieldManager=declarative", first.ToJsonString(), Apply);

        var second = Deployment("web");
        second["metadata"]!["labels"] = new JsonObject { ["app"] = "web" };
        var (code, applied) = await _server.PatchAsync($"{Deployments}/web?fieldManager=declarative", second.ToJsonString(), Apply);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Null(applied!["metadata"]!["labels"]!["tier"]);
        Assert.Equal("web", Text(applied, "metadata.labels.app"));
    }

    [Fact]
    public async Task Dry_run_apply_answers_the_defaulted_object_and_stores_nothing()
    {
        var (code, answer) = await _server.PatchAsync($"{Deployments}/web?fieldManager=declarative&dryRun=All", Deployment("web").ToJsonString(), Apply);

        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Equal("RollingUpdate", Text(answer, "spec.strategy.type"));
        Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync($"{Deployments}/web")).Code);
    }

    [Fact]
    public async Task Services_get_a_cluster_ip_that_a_later_apply_keeps_and_may_not_change()
    {
        const string service = """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"port":80}]}}""";
        var (_, created) = await _server.PatchAsync($"{Services}/web?fieldManager=declarative", service, Apply);
        var ip = Text(created, "spec.clusterIP");
        Assert.StartsWith("10.96.", ip, StringComparison.Ordinal);
        Assert.Equal(80, created!["spec"]!["ports"]![0]!["targetPort"]!.GetValue<int>());

        var (_, again) = await _server.PatchAsync($"{Services}/web?fieldManager=declarative", service, Apply);
        Assert.Equal(ip, Text(again, "spec.clusterIP"));
        Assert.Equal(Text(created, "metadata.resourceVersion"), Text(again, "metadata.resourceVersion"));

        var moved = service.Replace("\"ports\"", "\"clusterIP\":\"10.96.200.200\",\"ports\"", StringComparison.Ordinal);
        var (code, status) = await _server.PatchAsync($"{Services}/web?fieldManager=declarative", moved, Apply);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("Invalid", Text(status, "reason"));
    }

    [Fact]
    public async Task Changing_a_deployment_selector_is_422_with_the_field_as_cause()
    {
        await _server.CreateAsync(Deployments, Deployment("web"));
        var changed = Deployment("web");
        changed["spec"]!["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "other" } };
        changed["spec"]!["template"]!["metadata"]!["labels"] = new JsonObject { ["app"] = "other" };

        var (code, status) = await _server.PutAsync($"{Deployments}/web", changed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("Deployment", Text(status, "details.kind"));
        Assert.Contains(status!["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "spec.selector");
    }
}
