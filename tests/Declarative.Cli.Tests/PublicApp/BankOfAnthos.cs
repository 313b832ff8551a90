using System.Net;
using System.Text.Json.Nodes;
using Declarative.Cli.Tests.Kubernetes;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Testing;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>
/// Bank of Anthos (tests/fixtures/public/bank-of-anthos, a public multi-service application we did not write) as an
/// implicit project in a temporary folder, the API double with its controllers over HTTPS, and the real kubectl
/// against it. The manifests name no namespace, so the environment's namespace is the kubeconfig context's,
/// <see cref="Namespace"/>, created beforehand with kubectl, as a user prepares one. Each test starts its own.
/// </summary>
internal sealed class BankOfAnthos : IAsyncDisposable
{
    public const string Namespace = "boa-dev";

    /// <summary>The implicit project's name: its folder's name.</summary>
    public const string Project = "bank-of-anthos";

    /// <summary>What the manifests hold: 7 Deployments, 2 StatefulSets, 8 Services, 5 ConfigMaps, 1 Secret, 1
    /// HorizontalPodAutoscaler.</summary>
    public static readonly IReadOnlyList<(string Collection, string Name)> Objects =
    [
        .. new[] { "balancereader", "contacts", "frontend", "ledgerwriter", "loadgenerator", "transactionhistory", "userservice" }.Select(name => ("/apis/apps/v1/namespaces/boa-dev/deployments", name)),
        .. new[] { "accounts-db", "ledger-db" }.Select(name => ("/apis/apps/v1/namespaces/boa-dev/statefulsets", name)),
        .. new[] { "accounts-db", "balancereader", "contacts", "frontend", "ledger-db", "ledgerwriter", "transactionhistory", "userservice" }.Select(name => ("/api/v1/namespaces/boa-dev/services", name)),
        .. new[] { "accounts-db-config", "demo-data-config", "environment-config", "ledger-db-config", "service-api-config" }.Select(name => ("/api/v1/namespaces/boa-dev/configmaps", name)),
        ("/api/v1/namespaces/boa-dev/secrets", "jwt-key"),
        ("/apis/autoscaling/v2/namespaces/boa-dev/horizontalpodautoscalers", "frontend"),
    ];

    private static readonly string Fixture = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "public", Project);

    private BankOfAnthos(ApiServerHost host, TempDirectory dir)
    {
        Host = host;
        Dir = dir;
        Kubectl = new Kubectl(host);
        Environment = new Dictionary<string, string>
        {
            ["DECLARATIVE_STATE_DIR"] = dir.PathOf("state"),
            ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["USER"] = "tester",
            ["HOME"] = dir.PathOf("home"),
        };
    }

    public ApiServerHost Host { get; }

    public TempDirectory Dir { get; }

    public Kubectl Kubectl { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>The copy of the fixture that decl runs on; tests edit it for later revisions.</summary>
    public string ProjectDir => Dir.PathOf(Project);

    public static async Task<BankOfAnthos> StartAsync()
    {
        var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.02 }, CancellationToken.None);
        var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(Fixture))
        {
            File.Copy(file, Path.Combine(Directory.CreateDirectory(dir.PathOf(Project)).FullName, Path.GetFileName(file)));
        }

        dir.Write("kubeconfig", host.KubeconfigYaml(ns: Namespace));
        var app = new BankOfAnthos(host, dir);
        // Not `kubectl create namespace`: kubectl sends that body as protobuf only, which the double does not read.
        await app.Kubectl.MustAsync("apply", "-f", app.Kubectl.File("namespace.yaml", $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {Namespace}\n"));
        return app;
    }

    /// <summary>Runs decl on the project against the double.</summary>
    public Task<CliResult> Decl(params string[] args) =>
        CliRunner.RunAsync(Dir.Root, Environment, [args[0], Project, .. args[1..], "--kubeconfig", "kubeconfig"]);

    /// <summary>Rewrites one line of a manifest of the copy; fails when the line is not there exactly once.</summary>
    public void Edit(string file, string line, string replacement)
    {
        var path = Path.Combine(ProjectDir, file);
        var text = File.ReadAllText(path);
        Assert.True(text.Split('\n').Count(l => l == line) == 1, $"{file} must hold the line \"{line}\" exactly once.");
        File.WriteAllText(path, text.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal));
    }

    /// <summary>The object at an API path of the double, or null when it does not exist.</summary>
    public async Task<JsonObject?> GetAsync(string path)
    {
        using var http = Host.CreateClient();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<JsonObject> DeploymentAsync(string name) =>
        await GetAsync($"/apis/apps/v1/namespaces/{Namespace}/deployments/{name}") ?? throw new Xunit.Sdk.XunitException($"Deployment {name} is not in the double.");

    public async Task<JsonObject> StatefulSetAsync(string name) =>
        await GetAsync($"/apis/apps/v1/namespaces/{Namespace}/statefulsets/{name}") ?? throw new Xunit.Sdk.XunitException($"StatefulSet {name} is not in the double.");

    /// <summary>The paths of <see cref="Objects"/> that do not exist in the double.</summary>
    public async Task<IReadOnlyList<string>> MissingObjectsAsync()
    {
        var missing = new List<string>();
        foreach (var (collection, name) in Objects)
        {
            if (await GetAsync($"{collection}/{name}") is null)
            {
                missing.Add($"{collection}/{name}");
            }
        }

        return missing;
    }

    /// <summary>The names of the objects of one collection that carry this environment's ownership labels.</summary>
    public async Task<IReadOnlyList<string>> OwnedAsync(string collection)
    {
        var selector = Uri.EscapeDataString($"app.kubernetes.io/managed-by=declarative,declarative.dev/project={Project},declarative.dev/environment=default");
        var list = await GetAsync($"{collection}?labelSelector={selector}") ?? throw new Xunit.Sdk.XunitException($"{collection} cannot be listed.");
        return [.. list["items"]!.AsArray().Select(item => (string)item!["metadata"]!["name"]!)];
    }

    /// <summary>Waits until a collection holds no object; the garbage collector removes dependents after their owner
    /// is gone, so this is the one place a test may wait (up to 10 s).</summary>
    public async Task EventuallyEmptyAsync(string collection)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var list = await GetAsync(collection) ?? throw new Xunit.Sdk.XunitException($"{collection} cannot be listed.");
            var names = list["items"]!.AsArray().Select(item => (string)item!["metadata"]!["name"]!).ToList();
            if (names.Count == 0)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{collection} still holds {string.Join(", ", names)} 10 s after destroy.");
            await Task.Delay(100);
        }
    }

    public static string Image(JsonObject workload) => (string)workload["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!;

    public static int Replicas(JsonObject workload) => (int)workload["spec"]!["replicas"]!;

    public async ValueTask DisposeAsync()
    {
        Kubectl.Dispose();
        Dir.Dispose();
        await Host.DisposeAsync();
    }
}
