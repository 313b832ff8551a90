using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Tests.Host;

public sealed class RequestsAdminTests
{
    private const string Path = "/_double/requests";

    [Fact]
    public async Task Counts_api_requests_by_method_since_the_last_reset_without_counting_itself()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        (await client.GetAsync("/api/v1/namespaces/default/configmaps")).Dispose();
        (await client.DeleteAsync(Path)).Dispose();

        (await client.GetAsync("/api/v1/namespaces/default/configmaps")).Dispose();
        (await client.GetAsync("/api/v1/namespaces/default/pods")).Dispose();
        (await client.DeleteAsync("/api/v1/namespaces/default/configmaps/missing")).Dispose();
        var counts = JsonNode.Parse(await client.GetStringAsync(Path))!;

        Assert.Equal(3, (int)counts["count"]!);
        Assert.Equal(2, (int)counts["byMethod"]!["GET"]!);
        Assert.Equal(1, (int)counts["byMethod"]!["DELETE"]!);
    }
}
