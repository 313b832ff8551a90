using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Testing;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>
/// A kube-prometheus-like monitoring stack (tests/fixtures/public/kube-prometheus, about a hundred objects: ten large
/// CRDs and their custom resources, a Prometheus adapter ConfigMap with a 3 KB config.yaml, Grafana dashboards in
/// ConfigMaps, Deployments, a DaemonSet, RBAC, an APIService) as an implicit project in a temporary folder, with the
/// CRDs written by <see cref="KubePrometheusCrds"/>, and the API double with its controllers. Each test starts its own.
/// </summary>
internal sealed class KubePrometheus : IAsyncDisposable
{
    /// <summary>The implicit project's name: its folder's name.</summary>
    public const string Project = "kube-prometheus";

    /// <summary>The manifests' objects and the ten CRDs.</summary>
    public const int Objects = 106;

    private static readonly string Fixture = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "public", Project);

    private KubePrometheus(ApiServerHost host, TempDirectory dir)
    {
        Host = host;
        Dir = dir;
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

    public Dictionary<string, string> Environment { get; }

    /// <summary>The copy of the fixture that decl runs on; tests edit it for later revisions.</summary>
    public string ProjectDir => Dir.PathOf(Project);

    public static async Task<KubePrometheus> StartAsync()
    {
        var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.02 }, CancellationToken.None);
        var dir = new TempDirectory();
        CopyFolder(Fixture, dir.PathOf(Project));
        KubePrometheusCrds.WriteTo(dir.PathOf(Project));
        dir.Write("kubeconfig", host.KubeconfigYaml());
        return new KubePrometheus(host, dir);
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

    public async ValueTask DisposeAsync()
    {
        Dir.Dispose();
        await Host.DisposeAsync();
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
