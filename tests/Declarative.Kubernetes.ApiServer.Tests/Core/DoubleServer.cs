using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

/// <summary>A running double and a client that speaks JSON to it; one per test.</summary>
public sealed class DoubleServer : IAsyncLifetime
{
    private ApiServerHost? _host;
    private HttpClient? _client;

    public ApiServerHost Host => _host!;

    public HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _host = await ApiServerHost.StartAsync(new ApiServerOptions { RunControllers = false }, CancellationToken.None);
        _client = _host.CreateClient();
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("core-tests/1.0");
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public async Task<(HttpStatusCode Code, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var text = body as string ?? ((JsonNode)body).ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await Client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType == "application/json" && raw.Length > 0 ? JsonNode.Parse(raw) : JsonValue.Create(raw);
        return (response.StatusCode, json);
    }

    public Task<(HttpStatusCode Code, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Code, JsonNode? Body)> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public Task<(HttpStatusCode Code, JsonNode? Body)> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<(HttpStatusCode Code, JsonNode? Body)> DeleteAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Delete, path, body);

    public Task<(HttpStatusCode Code, JsonNode? Body)> PatchAsync(string path, string body, string contentType) =>
        SendAsync(HttpMethod.Patch, path, body, contentType);

    public async Task<JsonNode> CreateAsync(string collectionPath, JsonNode body)
    {
        var (code, created) = await PostAsync(collectionPath, body);
        Assert.True(code == HttpStatusCode.Created, $"create answered {code}: {created?.ToJsonString()}");
        return created!;
    }

    public static JsonObject ConfigMap(string name, string? ns = "default", JsonObject? labels = null, string value = "1") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels ?? [] },
        ["data"] = new JsonObject { ["key"] = value },
    };

    public static JsonObject Deployment(string name, int replicas = 1, string image = "nginx:1.27") => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = image }) },
            },
        },
    };

    public static string Text(JsonNode? node, string path)
    {
        var current = node;
        foreach (var step in path.Split('.'))
        {
            current = current?[step];
        }

        return current?.ToString() ?? string.Empty;
    }
}
