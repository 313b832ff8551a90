using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

/// <summary>A double with its controllers running at a small time scale, and JSON helpers that poll for a state
/// with a generous real-time deadline (never a fixed sleep).</summary>
internal sealed class WorkloadCluster : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private WorkloadCluster(ApiServerHost host)
    {
        Host = host;
        Client = host.CreateClient();
    }

    public ApiServerHost Host { get; }

    public HttpClient Client { get; }

    public static async Task<WorkloadCluster> StartAsync(double timeScale = 0.01, int nodes = 3) =>
        new(await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = timeScale, SimulatedNodes = nodes }, CancellationToken.None));

    public async Task<JsonObject> CreateAsync(string collection, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(collection, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {collection}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task PatchAsync(string path, string mergePatch)
    {
        using var content = new StringContent(mergePatch, Encoding.UTF8, "application/merge-patch+json");
        using var response = await Client.PatchAsync(path, content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PATCH {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task DeleteAsync(string path)
    {
        using var response = await Client.DeleteAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {path}: {(int)response.StatusCode}");
    }

    public async Task<JsonObject?> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="condition"/> holds; fails with the last state.</summary>
    public async Task<JsonObject> WaitForAsync(string path, Func<JsonObject, bool> condition, Action<JsonObject>? eachState = null)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        JsonObject? last = null;
        while (!timeout.IsCancellationRequested)
        {
            last = await GetAsync(path);
            if (last is not null)
            {
                eachState?.Invoke(last);
                if (condition(last))
                {
                    return last;
                }
            }

            await Task.Delay(10, CancellationToken.None);
        }

        Assert.Fail($"{path} did not reach the expected state within {Deadline.TotalSeconds} s; last: {last?.ToJsonString()}");
        return null!;
    }

    public Task<JsonObject> WaitForGoneAsync(string path) => WaitForListAsync(path, _ => true, absent: true);

    /// <summary>Polls a list until one item satisfies <paramref name="condition"/> (or, with absent, until the
    /// object at <paramref name="path"/> is gone); returns that item.</summary>
    public async Task<JsonObject> WaitForListAsync(string path, Func<JsonObject, bool> condition, bool absent = false)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        JsonObject? last = null;
        while (!timeout.IsCancellationRequested)
        {
            last = await GetAsync(path);
            if (absent && last is null)
            {
                return [];
            }

            if (!absent && last?["items"] is JsonArray items && items.OfType<JsonObject>().FirstOrDefault(condition) is { } found)
            {
                return found;
            }

            await Task.Delay(10, CancellationToken.None);
        }

        Assert.Fail($"{path} did not reach the expected state within {Deadline.TotalSeconds} s; last: {last?.ToJsonString()}");
        return null!;
    }

    public static long Number(JsonObject obj, string field) => obj["status"]?[field]?.GetValue<long>() ?? 0;

    public static string? Text(JsonNode? node, string field) => node?[field]?.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
