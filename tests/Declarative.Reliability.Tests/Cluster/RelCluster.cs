using System.Text.Json.Nodes;
using Declarative.Cli.Tests;
using Declarative.Cli.Tests.Processes;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Testing;

namespace Declarative.Reliability.Tests.Cluster;

/// <summary>
/// <see cref="RelProject"/> in a temporary folder, the API double (in this process, over real HTTPS) with its
/// controllers, a kubeconfig for it, and the state folder and key in the folder. decl runs in-process
/// (<see cref="RunAsync"/>) or as a real process (<see cref="Start"/>); the checks read the double directly.
/// </summary>
internal sealed class RelCluster : IAsyncDisposable
{
    public const string User = "tester";

    /// <summary>Generous: the machine running the tests may be busy.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    private static readonly (string ApiPath, string Resource)[] OwnedKinds =
    [
        ("/api/v1", "namespaces"), ("/api/v1", "configmaps"), ("/api/v1", "secrets"), ("/api/v1", "services"),
        ("/apis/apps/v1", "deployments"), ("/apis/batch/v1", "jobs"),
    ];

    private RelCluster(ApiServerHost host, TempDirectory dir, string? state)
    {
        Host = host;
        Dir = dir;
        State = state;
        Environment = new Dictionary<string, string>
        {
            ["DECLARATIVE_STATE_DIR"] = dir.PathOf("state"),
            ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["USER"] = User,
            ["HOME"] = dir.PathOf("home"),
        };
    }

    public ApiServerHost Host { get; private set; }

    public TempDirectory Dir { get; }

    /// <summary>The project's spec.state, or null for the local store.</summary>
    public string? State { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>The local store's folder of environment dev.</summary>
    public string StateFolder => Dir.PathOf(Path.Combine("state", "dev"));

    /// <param name="timeScale">Multiplies the controllers' simulated delays (rollouts).</param>
    /// <param name="state">The project's spec.state (a YAML flow map), or null for the local store.</param>
    public static async Task<RelCluster> StartAsync(double timeScale = 0.02, string? state = null, IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = timeScale }, CancellationToken.None);
        var files = RelProject.Files(state);
        foreach (var (path, text) in extraFiles ?? new Dictionary<string, string>())
        {
            files[path] = text;
        }

        var dir = new TempDirectory(files);
        dir.Write("kubeconfig", host.KubeconfigYaml());
        Directory.CreateDirectory(dir.PathOf("home"));
        return new RelCluster(host, dir, state);
    }

    /// <summary>`ARGS rel --env dev --kubeconfig ...`.</summary>
    public string[] CommandLine(params string[] args) => [.. args, "rel", "--env", "dev", "--kubeconfig", Dir.PathOf("kubeconfig")];

    /// <summary>Starts `decl ARGS rel --env dev ...` as a process and returns at once.</summary>
    public DeclProcess Start(params string[] args) => DeclProcess.Start(Dir.Root, Environment, CommandLine(args));

    /// <summary>Runs `decl ARGS rel --env dev ...` in this process to its end.</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Dir.Root, Environment, CommandLine(args)).WaitAsync(RunTimeout);

    /// <summary>`decl history -o json`, parsed, oldest first.</summary>
    public async Task<JsonArray> HistoryAsync()
    {
        var history = await RunAsync("history", "-o", "json");
        Assert.True(history.ExitCode == 0, history.All);
        return JsonNode.Parse(history.Stdout)!.AsArray();
    }

    /// <summary>Every object of the project's kinds that carries the project's label, as "resource namespace/name".</summary>
    public async Task<IReadOnlySet<string>> LabelledObjectsAsync()
    {
        using var client = Host.CreateClient();
        var selector = Uri.EscapeDataString($"declarative.dev/project={RelProject.Name}");
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (apiPath, resource) in OwnedKinds)
        {
            var list = JsonNode.Parse(await client.GetStringAsync($"{apiPath}/{resource}?labelSelector={selector}"))!;
            foreach (var item in list["items"]!.AsArray())
            {
                var metadata = item!["metadata"]!;
                if (metadata["labels"]?["declarative.dev/state"] is not null)
                {
                    // The Kubernetes state store's own Secrets: the history, not the project.
                    continue;
                }

                found.Add($"{resource} {metadata["namespace"]?.GetValue<string>()}/{metadata["name"]!.GetValue<string>()}");
            }
        }

        return found;
    }

    /// <summary>Objects of the project the double created more than once, with the count, e.g. "configmaps rel-dev/cm-01 x2".</summary>
    public IReadOnlyList<string> DuplicateCreates() =>
    [
        .. Host.State.Store.Creates.Created
            .Where(c => c.Project == RelProject.Name || c.GenerateName is not null)
            .GroupBy(c => $"{c.StorageKey} {c.Namespace}/{c.Name}", StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} x{g.Count()}"),
    ];

    /// <summary>How many objects of the project the double created (first creates and duplicates alike).</summary>
    public int ProjectCreates => Host.State.Store.Creates.Created.Count(c => c.Project == RelProject.Name);

    /// <summary>Stops the double (its port then refuses connections, as a server that went away) and starts an empty
    /// one on the same port, with a new CA written to the kubeconfig: a restarted API server whose data is gone.</summary>
    public async Task RestartServerAfterAsync(Func<Task> whileStopped)
    {
        var options = Host.State.Options;
        var port = Host.BaseAddress.Port;
        await Host.DisposeAsync();
        await whileStopped();
        Host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = options.TimeScale, Port = port }, CancellationToken.None);
        Dir.Write("kubeconfig", Host.KubeconfigYaml());
    }

    public async ValueTask DisposeAsync()
    {
        Dir.Dispose();
        await Host.DisposeAsync();
    }
}
