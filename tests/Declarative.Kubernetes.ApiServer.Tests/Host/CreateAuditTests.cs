using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Faults;

namespace Declarative.Kubernetes.ApiServer.Tests.Host;

/// <summary>The create audit (<c>ObjectStore.Creates</c>, <c>/_double/creates</c>) and the lost-answer fault the
/// reliability suite counts duplicate creates with.</summary>
public sealed class CreateAuditTests
{
    private const string ConfigMapsPath = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task A_lost_answer_leaves_the_write_done_and_the_client_without_a_response()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Faults.Add(new FaultRule(FaultKind.LoseResponse, 1.0, ["create"]));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(ConfigMapsPath, Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"lost"}}""")));
        host.State.Faults.Clear();
        using var read = await client.GetAsync(ConfigMapsPath + "/lost");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1, host.State.Faults.Injected);
    }

    [Fact]
    public async Task The_audit_lists_every_create_with_its_generateName_until_deleted()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        using var reset = await client.DeleteAsync("/_double/creates");
        using var named = await client.PostAsync(ConfigMapsPath, Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"web","labels":{"declarative.dev/project":"shop"}}}"""));
        using var generated = await client.PostAsync(ConfigMapsPath, Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"job-"}}"""));
        using var dryRun = await client.PostAsync(ConfigMapsPath + "?dryRun=All", Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dry"}}"""));
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal(HttpStatusCode.Created, generated.StatusCode);

        // The controllers create objects of their own (a namespace's default ServiceAccount): only ConfigMaps count here.
        var items = await ConfigMapCreatesAsync(client);
        Assert.Equal(2, items.Count);
        Assert.Equal("web", items[0]["name"]!.GetValue<string>());
        Assert.Equal("shop", items[0]["project"]!.GetValue<string>());
        Assert.Equal("default", items[0]["namespace"]!.GetValue<string>());
        Assert.Equal("job-", items[1]["generateName"]!.GetValue<string>());
        Assert.StartsWith("job-", items[1]["name"]!.GetValue<string>(), StringComparison.Ordinal);

        using var resetAgain = await client.DeleteAsync("/_double/creates");
        Assert.Equal(HttpStatusCode.OK, resetAgain.StatusCode);
        Assert.Empty(await ConfigMapCreatesAsync(client));
    }

    private static async Task<List<JsonNode>> ConfigMapCreatesAsync(HttpClient client)
    {
        var audit = JsonNode.Parse(await client.GetStringAsync("/_double/creates"))!;
        return [.. audit["items"]!.AsArray().Select(i => i!).Where(i => i["resource"]!.GetValue<string>().Contains("configmaps", StringComparison.Ordinal))];
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
