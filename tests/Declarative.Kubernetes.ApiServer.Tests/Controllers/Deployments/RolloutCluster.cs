using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments;

/// <summary>A double with its controllers running at a small time scale, and JSON helpers for Deployments.</summary>
internal sealed class RolloutCluster : IAsyncDisposable
{
    public const string DeploymentsPath = "/apis/apps/v1/namespaces/default/deployments";
    public const string ReplicaSetsPath = "/apis/apps/v1/namespaces/default/replicasets";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private RolloutCluster(ApiServerHost host)
    {
        Host = host;
        Client = host.CreateClient();
    }

    public ApiServerHost Host { get; }

    public HttpClient Client { get; }

    public static async Task<RolloutCluster> StartAsync(double timeScale = 0.01) =>
        new(await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = timeScale }, CancellationToken.None));

    public static JsonObject Deployment(string name, int replicas = 3, string image = "example/web:1.0", JsonObject? extraSpec = null)
    {
        var spec = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = image }) },
            },
        };
        foreach (var (field, value) in extraSpec ?? [])
        {
            spec[field] = value?.DeepClone();
        }

        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["spec"] = spec,
        };
    }

    public async Task<JsonObject> CreateAsync(JsonObject deployment)
    {
        var (code, body) = await SendAsync(HttpMethod.Post, DeploymentsPath, deployment.ToJsonString(), "application/json");
        Assert.True(code == HttpStatusCode.Created, $"create answered {code}: {body}");
        return body!;
    }

    public async Task<JsonObject> GetAsync(string path)
    {
        var (code, body) = await SendAsync(HttpMethod.Get, path, null, null);
        Assert.True(code == HttpStatusCode.OK, $"GET {path} answered {code}: {body}");
        return body!;
    }

    public async Task<JsonObject> PatchAsync(string path, string patch, string contentType)
    {
        var (code, body) = await SendAsync(HttpMethod.Patch, path, patch, contentType);
        Assert.True(code == HttpStatusCode.OK, $"PATCH {path} answered {code}: {body}");
        return body!;
    }

    /// <summary>The ReplicaSets of one Deployment, by name.</summary>
    public async Task<Dictionary<string, JsonObject>> ReplicaSetsOfAsync(string deployment)
    {
        var list = await GetAsync(ReplicaSetsPath);
        return list["items"]!.AsArray().OfType<JsonObject>()
            .Where(rs => rs["metadata"]?["ownerReferences"]?[0]?["name"]?.GetValue<string>() == deployment)
            .ToDictionary(rs => rs["metadata"]!["name"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="condition"/> holds; fails with the last state.</summary>
    public async Task<JsonObject> WaitForAsync(string path, Func<JsonObject, bool> condition, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        JsonObject last;
        do
        {
            last = await GetAsync(path);
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(10);
        }
        while (watch.Elapsed < (timeout ?? Deadline));

        Assert.Fail($"{path} did not reach the expected state within {(timeout ?? Deadline).TotalSeconds} s; last: {last.ToJsonString()}");
        return last;
    }

    public Task<JsonObject> WaitForRolloutAsync(string name, TimeSpan? timeout = null) =>
        WaitForAsync($"{DeploymentsPath}/{name}", RolledOut, timeout);

    /// <summary>kubectl rollout status's "successfully rolled out" test (reference 7.2).</summary>
    public static bool RolledOut(JsonObject deployment)
    {
        var status = deployment["status"];
        var replicas = Number(deployment["spec"]?["replicas"]);
        return Number(deployment["metadata"]?["generation"]) <= Number(status?["observedGeneration"])
            && Number(status?["updatedReplicas"]) >= replicas
            && Number(status?["replicas"]) <= Number(status?["updatedReplicas"])
            && Number(status?["availableReplicas"]) >= Number(status?["updatedReplicas"])
            && Condition(deployment, "Progressing")?["reason"]?.GetValue<string>() == "NewReplicaSetAvailable";
    }

    public static JsonObject? Condition(JsonObject obj, string type) =>
        obj["status"]?["conditions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);

    public static long Number(JsonNode? node) => node is null ? 0 : node.GetValue<long>();

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }

    private async Task<(HttpStatusCode Code, JsonObject? Body)> SendAsync(HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType!);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : new JsonObject { ["raw"] = text });
    }
}
