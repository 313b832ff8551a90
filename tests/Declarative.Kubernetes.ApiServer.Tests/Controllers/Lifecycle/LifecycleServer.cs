using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle;

/// <summary>A double with its controllers running at a small time scale, and a JSON client; one per test.</summary>
public sealed class LifecycleServer : IAsyncLifetime
{
    public const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    public const string DeploymentsPath = "/apis/apps/v1/namespaces/default/deployments";
    public const string ReplicaSets = "/apis/apps/v1/namespaces/default/replicasets";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly double _timeScale;
    private ApiServerHost? _host;
    private HttpClient? _client;

    public LifecycleServer(double timeScale = 0.01) => _timeScale = timeScale;

    public ApiServerHost Host => _host!;

    public HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = _timeScale }, CancellationToken.None);
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public async Task<(HttpStatusCode Code, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await Client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, raw.Length > 0 && raw[0] == '{' ? JsonNode.Parse(raw) : JsonValue.Create(raw));
    }

    public Task<(HttpStatusCode Code, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Code, JsonNode? Body)> DeleteAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Delete, path, body);

    public Task<(HttpStatusCode Code, JsonNode? Body)> PatchAsync(string path, string mergePatch) =>
        SendAsync(HttpMethod.Patch, path, JsonNode.Parse(mergePatch), "application/merge-patch+json");

    public async Task<JsonObject> CreateAsync(string collectionPath, JsonObject body)
    {
        var (code, created) = await SendAsync(HttpMethod.Post, collectionPath, body);
        Assert.True(code == HttpStatusCode.Created, $"create answered {code}: {created?.ToJsonString()}");
        return created!.AsObject();
    }

    public async Task<bool> ExistsAsync(string path) => (await GetAsync(path)).Code == HttpStatusCode.OK;

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after a generous deadline.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(10);
        }
    }

    public Task GoneAsync(string path) => EventuallyAsync(async () => !await ExistsAsync(path), $"{path} is gone");

    /// <summary>Releases every finalizer a test put on the object.</summary>
    public async Task ReleaseAsync(string path)
    {
        var (code, body) = await PatchAsync(path, """{"metadata":{"finalizers":null}}""");
        Assert.True(code == HttpStatusCode.OK, $"release answered {code}: {body?.ToJsonString()}");
    }
}
