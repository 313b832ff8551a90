using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Testing;

namespace Declarative.Cli.Tests.Processes;

/// <summary>
/// A project `sig` (environment dev, namespace sig-dev) in a temporary folder, the API double in this process with its
/// controllers, a kubeconfig for it, and the state folder and key in the folder: what the process-level interrupt
/// tests run `decl` against. Two shapes: <see cref="ManyConfigMapsAsync"/> is slow to apply (with request latency),
/// <see cref="SlowRolloutAsync"/> is slow to become ready (its pods take simulated minutes).
/// </summary>
internal sealed class SignalCluster : IAsyncDisposable
{
    public const string Namespace = "sig-dev";
    public const string User = "tester";

    private const string ProjectYaml = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: sig}\nspec:\n  environments:\n    dev: {kubernetes: {namespace: sig-dev}}\n";
    private const string NamespaceYaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: sig-dev\n";

    /// <summary>Generous: the machine running the tests may be busy.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private SignalCluster(ApiServerHost host, TempDirectory dir)
    {
        Host = host;
        Dir = dir;
        Environment = new Dictionary<string, string>
        {
            ["DECLARATIVE_STATE_DIR"] = dir.PathOf("state"),
            ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["USER"] = User,
            ["HOME"] = dir.PathOf("home"),
        };
    }

    public ApiServerHost Host { get; }

    public TempDirectory Dir { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>The local store's folder of environment dev.</summary>
    public string StateFolder => Dir.PathOf(Path.Combine("state", "dev"));

    /// <summary>The lock record a run writes while it holds the lock (docs/state.md, "Locks").</summary>
    public string LockRecordPath => Path.Combine(StateFolder, "lock.json");

    /// <summary>The Namespace and <paramref name="count"/> ConfigMaps cm-01.. in it.</summary>
    /// <param name="state">The project's spec.state (a YAML flow map), or null for the local store.</param>
    public static async Task<SignalCluster> ManyConfigMapsAsync(int count, string? state = null)
    {
        var files = new Dictionary<string, string> { ["sig/manifests/namespace.yaml"] = NamespaceYaml };
        for (var i = 1; i <= count; i++)
        {
            var name = ConfigMapName(i);
            files[$"sig/manifests/{name}.yaml"] = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  index: \"{i}\"\n";
        }

        return await StartAsync(0.02, files, state);
    }

    /// <summary>The Namespace, Deployment web (one pod that takes 1000 simulated seconds to become ready, so a run
    /// waits for it far longer than any test lasts) and ConfigMap after-web, which depends on it.</summary>
    public static Task<SignalCluster> SlowRolloutAsync() => StartAsync(1000, new Dictionary<string, string>
    {
        ["sig/manifests/namespace.yaml"] = NamespaceYaml,
        ["sig/manifests/web.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n",
        ["sig/manifests/after-web.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after-web\n  annotations:\n    declarative.dev/depends-on: Deployment/web\ndata:\n  ready: \"yes\"\n",
    });

    public static string ConfigMapName(int index) => string.Create(CultureInfo.InvariantCulture, $"cm-{index:00}");

    /// <summary>`ARGS sig --env dev --kubeconfig ...`: a command line for the project, run from <see cref="TempDirectory.Root"/>.</summary>
    public string[] CommandLine(params string[] args) => [.. args, "sig", "--env", "dev", "--kubeconfig", Dir.PathOf("kubeconfig")];

    /// <summary>Starts `decl ARGS sig --env dev --kubeconfig ...` as a process and returns at once.</summary>
    public DeclProcess Start(params string[] args) => DeclProcess.Start(Dir.Root, Environment, CommandLine(args));

    /// <summary>Runs `decl ARGS sig --env dev --kubeconfig ...` to its end, in this process (the checks after an
    /// interrupted run: a process of their own would only add its start-up time; the lock they take is a file lock all
    /// the same, and the interrupted process is gone).</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(Dir.Root, Environment, CommandLine(args)).WaitAsync(RunTimeout);
        return result;
    }

    /// <summary>Runs decl in this process as if the first SIGINT had come before it started: what Program does with a
    /// signal (<see cref="IOContext.StopScheduling"/> cancelled; the grace period never ends here).</summary>
    public async Task<CliResult> RunSignalledAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var firstSignal = new CancellationTokenSource();
        await firstSignal.CancelAsync();
        var io = new IOContext(output, error, Dir.Root, Environment, IsTerminal: false) { StopScheduling = firstSignal.Token };
        var exitCode = await new DeclarativeCli(io).RunAsync(CommandLine(args), CancellationToken.None).WaitAsync(RunTimeout);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>`decl history -o json`, parsed.</summary>
    public async Task<JsonArray> HistoryAsync()
    {
        var history = await RunAsync("history", "-o", "json");
        Assert.True(history.ExitCode == 0, history.All);
        return JsonNode.Parse(history.Stdout)!.AsArray();
    }

    /// <summary>The names of the objects of <paramref name="resource"/> (e.g. "configmaps") in the namespace that
    /// carry the environment's ownership labels, as the double has them.</summary>
    public async Task<IReadOnlyList<string>> OwnedNamesAsync(string apiPath, string resource)
    {
        using var client = Host.CreateClient();
        var selector = Uri.EscapeDataString("declarative.dev/project=sig,declarative.dev/environment=dev");
        var list = JsonNode.Parse(await client.GetStringAsync($"{apiPath}/namespaces/{Namespace}/{resource}?labelSelector={selector}"))!;
        return [.. list["items"]!.AsArray().Select(item => item!["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        Dir.Dispose();
        await Host.DisposeAsync();
    }

    private static async Task<SignalCluster> StartAsync(double timeScale, Dictionary<string, string> files, string? state = null)
    {
        var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = timeScale }, CancellationToken.None);
        files["sig/declarative.yaml"] = state is null ? ProjectYaml : ProjectYaml.Replace("spec:\n", $"spec:\n  state: {state}\n", StringComparison.Ordinal);
        var dir = new TempDirectory(files);
        dir.Write("kubeconfig", host.KubeconfigYaml());
        Directory.CreateDirectory(dir.PathOf("home"));
        return new SignalCluster(host, dir);
    }
}
