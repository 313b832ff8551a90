using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;

namespace Declarative.KubeListMemory;

/// <summary>
/// Seeds COUNT ConfigMaps in namespace "bench" of the cluster the kubeconfig names (the API double, as a process so
/// that its allocations are not counted), then lists them five times and prints the bytes allocated per LIST, the
/// bytes the result keeps, and the process's peak working set. "stream" is the client as it is; "string" reads each
/// page as the client did before issue 16 (ReadAsStringAsync, JsonNode.Parse, items detached). One mode per process,
/// so the peak working sets compare.
/// </summary>
public static class Program
{
    private const string Namespace = "bench";
    private const int Runs = 5;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2 || args[1] is not ("stream" or "string"))
        {
            await Console.Error.WriteLineAsync("usage: Declarative.KubeListMemory KUBECONFIG stream|string [COUNT]");
            return 2;
        }

        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5_000;
        var target = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = Path.GetFullPath(args[0]), Namespace = Namespace });
        var options = new KubeClientOptions { DiscoveryCacheDirectory = null };
        using var client = KubeClient.Create(target, options);
        var configMaps = await client.ResolveAsync("v1", "ConfigMap", CancellationToken.None);
        await SeedAsync(client, count, CancellationToken.None);

        using var http = new HttpClient(KubeHandlerFactory.Create(target, TimeProvider.System)) { BaseAddress = target.Server };
        Func<Task<IReadOnlyList<JsonObject>>> list = args[1] == "stream"
            ? async () => (IReadOnlyList<JsonObject>)(await client.ListAsync(configMaps, Namespace, null, CancellationToken.None)).Items
            : () => ListAsStringsAsync(http, options.PageSize);

        var warm = await list();
        if (warm.Count < count)
        {
            throw new InvalidOperationException($"Listed {warm.Count} ConfigMaps, expected at least {count}.");
        }

        warm = null;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        IReadOnlyList<JsonObject>? kept = null;
        for (var run = 0; run < Runs; run++)
        {
            kept = await list();
        }

        watch.Stop();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / Runs;
        kept = null;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        kept = await list();
        TouchAll(kept);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        GC.KeepAlive(kept);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{args[1]}: {kept.Count} items, {allocated / 1048576.0:F1} MiB allocated per LIST, {retained / 1048576.0:F1} MiB kept by the result (every item read), peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB, {watch.Elapsed.TotalMilliseconds / Runs:F0} ms per LIST"));
        return 0;
    }

    /// <summary>The pre-issue-16 lister: each page read into a string and parsed whole.</summary>
    private static async Task<IReadOnlyList<JsonObject>> ListAsStringsAsync(HttpClient http, int pageSize)
    {
        var items = new List<JsonObject>();
        string? continueToken = null;
        do
        {
            var query = $"limit={pageSize}" + (continueToken is null ? string.Empty : "&continue=" + Uri.EscapeDataString(continueToken));
            using var response = await http.GetAsync(new Uri($"/api/v1/namespaces/{Namespace}/configmaps?{query}", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject ?? [];
            continueToken = page["metadata"]?["continue"]?.GetValue<string>() is { Length: > 0 } token ? token : null;
            var array = page["items"] as JsonArray ?? [];
            var pageItems = array.OfType<JsonObject>().ToList();
            array.Clear();
            foreach (var item in pageItems)
            {
                item["kind"] = "ConfigMap";
                item["apiVersion"] = "v1";
            }

            items.AddRange(pageItems);
        }
        while (continueToken is not null);

        return items;
    }

    /// <summary>Reads every item's data, as the provider does, so lazily parsed nodes are counted materialized.</summary>
    private static void TouchAll(IReadOnlyList<JsonObject> items)
    {
        foreach (var item in items)
        {
            _ = item["data"]?.AsObject().Count;
            _ = item["metadata"]?["name"]?.GetValue<string>();
        }
    }

    private static async Task SeedAsync(KubeClient client, int count, CancellationToken cancellationToken)
    {
        var namespaces = await client.ResolveAsync("v1", "Namespace", cancellationToken);
        await client.ApplyAsync(namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = Namespace } }, new KubeApplyOptions(), cancellationToken);
        var configMaps = await client.ResolveAsync("v1", "ConfigMap", cancellationToken);
        var existing = (await client.ListAsync(configMaps, Namespace, null, cancellationToken)).Items.Length;
        await Parallel.ForEachAsync(Enumerable.Range(existing, Math.Max(0, count - existing)), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async ValueTask (int i, CancellationToken token) =>
        {
            var configMap = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject
                {
                    ["name"] = $"settings-{i:D5}",
                    ["namespace"] = Namespace,
                    ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = $"app-{i % 50}", ["app.kubernetes.io/part-of"] = "bench" },
                },
                ["data"] = new JsonObject
                {
                    ["LOG_LEVEL"] = "info",
                    ["DATABASE_URL"] = $"postgres://app-{i}.db.internal:5432/app",
                    ["FEATURES"] = "search,checkout,recommendations,reviews",
                    ["config.yaml"] = $"server:\n  port: 8080\n  workers: {i % 16}\ncache:\n  ttl: 300s\n",
                },
            };
            await client.ApplyAsync(configMaps, configMap, new KubeApplyOptions(), token);
        });
    }
}
