using System.Diagnostics;
using System.Globalization;
using System.Text;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Testing;
using Xunit.Abstractions;

namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>What the live view costs a large run: a 1,000-object apply against the double, with and without it
/// (docs/apply.md "The live view" holds the figures; `DECLARATIVE_MEASURE=1 dotnet test --filter LiveProgressScaleTests`).</summary>
public sealed class LiveProgressScaleTests(ITestOutputHelper output)
{
    [MeasurementFact]
    public async Task A_1000_object_apply_with_and_without_the_live_view()
    {
        // Taken in turns, plain first (it also pays for the JIT): this small machine is shared, and one run can be slow
        // for reasons of its own, so the live runs are compared with the plain ones on average, generously.
        var plainFirst = await ApplyAsync(live: false);
        var liveFirst = await ApplyAsync(live: true);
        var plainAgain = await ApplyAsync(live: false);
        var live = await ApplyAsync(live: true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,012-object apply, in turns: plain {plainFirst.Elapsed.TotalSeconds:F1} s, live {liveFirst.Elapsed.TotalSeconds:F1} s, plain {plainAgain.Elapsed.TotalSeconds:F1} s, live {live.Elapsed.TotalSeconds:F1} s; stdout plain {plainAgain.Stdout.Length:N0} chars, live {live.Stdout.Length:N0} chars"));

        var frames = TerminalRunner.Frames(live.Stdout);
        var lastFrame = frames[frames.LastIndexOf("Applying:", StringComparison.Ordinal)..frames.IndexOf("\nApply complete:", StringComparison.Ordinal)];
        Assert.StartsWith("Applying: 1012 done, 0 failed, 0 skipped, 0 in progress, 0 pending", lastFrame, StringComparison.Ordinal);
        Assert.True(lastFrame.Split('\n').Length <= 24, lastFrame);
        Assert.Contains("\nApply complete: 1012 applied, 0 deleted, 0 failed, 0 skipped. Revision 1 deployed.", frames, StringComparison.Ordinal);
    }

    private static async Task<(TimeSpan Elapsed, string Stdout)> ApplyAsync(bool live)
    {
        await using var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.01 }, CancellationToken.None);
        using var dir = new TempDirectory(new Dictionary<string, string> { ["big/objects.yaml"] = Manifests(apps: 334), ["kubeconfig"] = string.Empty });
        dir.Write("kubeconfig", host.KubeconfigYaml());
        var environment = new Dictionary<string, string>
        {
            ["DECLARATIVE_STATE_DIR"] = dir.PathOf("state"),
            ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(new byte[32]),
        };
        string[] args = ["apply", "big", "--kubeconfig", "kubeconfig", "--auto-approve"];
        var clock = Stopwatch.StartNew();
        var result = live ? await TerminalRunner.RunAsync(dir.Root, environment, args) : await CliRunner.RunAsync(dir.Root, environment, args);
        clock.Stop();
        Assert.True(result.ExitCode == 0, result.All[..Math.Min(result.All.Length, 4000)]);
        return (clock.Elapsed, result.Stdout);
    }

    /// <summary>10 namespaces and, per app, a ConfigMap, a Deployment and a Service (1,012 objects for 334 apps).</summary>
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
