using System.Globalization;
using System.Text;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>What a no-change plan costs at scale, counted at the API server.</summary>
public sealed class EngineScaleTests
{
    [Fact]
    public async Task A_no_change_plan_of_1000_objects_in_10_namespaces_makes_about_40_requests()
    {
        await using var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.01 }, CancellationToken.None);
        using var dir = new TempDirectory(new Dictionary<string, string> { ["big/objects.yaml"] = Manifests(apps: 334), ["kubeconfig"] = string.Empty });
        dir.Write("kubeconfig", host.KubeconfigYaml());
        var environment = new Dictionary<string, string>
        {
            ["DECLARATIVE_STATE_DIR"] = dir.PathOf("state"),
            ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(new byte[32]),
        };

        var apply = await CliRunner.RunAsync(dir.Root, environment, "apply", "big", "--kubeconfig", "kubeconfig", "--auto-approve", "--parallelism", "20");
        Assert.True(apply.ExitCode == 0, apply.All[..Math.Min(apply.All.Length, 4000)]);
        host.State.Requests.Clear();

        var plan = await CliRunner.RunAsync(dir.Root, environment, "plan", "big", "--kubeconfig", "kubeconfig", "--detailed-exitcode");

        Assert.True(plan.ExitCode == 0, plan.All);
        var requests = host.State.Requests.Requests;
        Assert.True(requests.Count <= 45, $"{requests.Count} requests:\n{string.Join("\n", requests)}");
        Assert.DoesNotContain(requests, r => r.Contains("dryRun", StringComparison.Ordinal));
    }

    /// <summary>10 namespaces and, per app, a ConfigMap, a Deployment and a Service (1,002 objects for 334 apps).</summary>
    private static string Manifests(int apps)
    {
        var text = new StringBuilder();
        for (var n = 0; n < 10; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-{n}\n---\n");
        }

        for (var i = 0; i < apps; i++)
        {
            var ns = $"team-{i % 10}";
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-{i}\n  namespace: {ns}\ndata:\n  MODE: prod\n---\n");
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{i}\n  namespace: {ns}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {{app: app-{i}}}\n  template:\n    metadata:\n      labels: {{app: app-{i}}}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n---\n");
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Service\nmetadata:\n  name: app-{i}\n  namespace: {ns}\nspec:\n  selector: {{app: app-{i}}}\n  ports:\n  - port: 80\n---\n");
        }

        return text.ToString();
    }
}
