using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer.Tests.Host;

internal static class HostTestSupport
{
    public static Task<ApiServerHost> StartAsync() => ApiServerHost.StartAsync(new ApiServerOptions(), CancellationToken.None);

    public static async Task<JsonObject> GetJsonAsync(HttpClient client, string path, string? accept = null)
    {
        using var response = await SendAsync(client, HttpMethod.Get, path, accept);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }
}
