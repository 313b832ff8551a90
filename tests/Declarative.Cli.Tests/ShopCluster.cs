using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>
/// The `shop` project (a Namespace, a Secret, a Deployment; environment dev in namespace shop-dev) in a temporary
/// folder, the API double with its controllers, a kubeconfig for it, and the state folder and key in the
/// folder: what the end-to-end tests of plan, apply and saved plans run `decl` against.
/// </summary>
internal sealed class ShopCluster : IAsyncDisposable
{
    public const string SecretValue = "s3cr3t-db-password";

    private ShopCluster(ApiServerHost host, TempDirectory dir)
    {
        Host = host;
        Dir = dir;
        Environment = new Dictionary<string, string>
        {
            ["DECLARATIVE_STATE_DIR"] = dir.PathOf("state"),
            ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["USER"] = "tester",
        };
    }

    public ApiServerHost Host { get; }

    public TempDirectory Dir { get; }

    public Dictionary<string, string> Environment { get; }

    /// <param name="files">Files added to (or replacing) the base project, by path relative to the folder.</param>
    public static async Task<ShopCluster> StartAsync(IReadOnlyDictionary<string, string>? files = null)
    {
        var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.02 }, CancellationToken.None);
        var project = new Dictionary<string, string>
        {
            ["shop/declarative.yaml"] = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: shop}\nspec:\n  values: values.yaml\n  environments:\n    dev: {kubernetes: {namespace: shop-dev}}\n",
            ["shop/values.yaml"] = "replicas: 2\n",
            ["shop/manifests/namespace.yaml"] = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-dev\n",
            ["shop/manifests/secret.yaml"] = $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {SecretValue}\n",
            ["shop/manifests/web.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{values.replicas}}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n",
        };
        foreach (var (path, text) in files ?? new Dictionary<string, string>())
        {
            project[path] = text;
        }

        var dir = new TempDirectory(project);
        dir.Write("kubeconfig", host.KubeconfigYaml());
        return new ShopCluster(host, dir);
    }

    /// <summary>Runs decl in the folder against the double.</summary>
    public Task<CliResult> Decl(params string[] args) => CliRunner.RunAsync(Dir.Root, Environment, [.. args, "--kubeconfig", "kubeconfig"]);

    public async ValueTask DisposeAsync()
    {
        Dir.Dispose();
        await Host.DisposeAsync();
    }
}
