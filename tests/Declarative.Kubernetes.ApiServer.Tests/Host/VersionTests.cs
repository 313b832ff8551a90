namespace Declarative.Kubernetes.ApiServer.Tests.Host;

public sealed class VersionTests
{
    [Fact]
    public async Task Reports_kubernetes_1_32()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        var version = await HostTestSupport.GetJsonAsync(client, "/version");

        Assert.Equal("1", version["major"]!.GetValue<string>());
        Assert.Equal("32", version["minor"]!.GetValue<string>());
        Assert.Equal("v1.32.0", version["gitVersion"]!.GetValue<string>());
        Assert.Equal("linux/amd64", version["platform"]!.GetValue<string>());
    }
}
