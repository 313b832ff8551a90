using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Kubernetes.ApiServer.Tests.Kubectl;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments;

/// <summary>The issue's "Done when" for rollouts: the real kubectl's rollout status, scale, set image, undo and
/// history against the double (same steps as the rollout part of scripts/kubectl-fidelity.sh).</summary>
public sealed class KubectlRolloutTests
{
    private static readonly string Manifests = FindManifests();

    [KubectlFact]
    public async Task Kubectl_rolls_out_scales_sets_image_and_undoes_a_deployment()
    {
        await using var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.05 }, CancellationToken.None);
        using var kubectl = new KubectlRunner(host);

        await kubectl.MustAsync("apply", "-f", Path.Combine(Manifests, "hello-web.yaml"));
        var first = await kubectl.MustAsync("rollout", "status", "deployment/hello-web", "--timeout=60s");
        await kubectl.MustAsync("scale", "deployment/hello-web", "--replicas=5");
        await kubectl.MustAsync("rollout", "status", "deployment/hello-web", "--timeout=60s");
        var scaled = await kubectl.MustAsync("get", "deployment/hello-web", "-o", "jsonpath={.status.availableReplicas}");
        await kubectl.MustAsync("set", "image", "deployment/hello-web", "hello=registry.example.com/samples/hello-app:2.0");
        await kubectl.MustAsync("rollout", "status", "deployment/hello-web", "--timeout=60s");
        var updated = await kubectl.MustAsync("get", "deployment/hello-web", "-o", "jsonpath={.spec.template.spec.containers[0].image}");
        await kubectl.MustAsync("rollout", "undo", "deployment/hello-web");
        await kubectl.MustAsync("rollout", "status", "deployment/hello-web", "--timeout=60s");
        var undone = await kubectl.MustAsync("get", "deployment/hello-web", "-o", "jsonpath={.spec.template.spec.containers[0].image}");
        var history = await kubectl.MustAsync("rollout", "history", "deployment/hello-web");

        Assert.Contains("deployment \"hello-web\" successfully rolled out", first, StringComparison.Ordinal);
        Assert.Equal("5", scaled);
        Assert.Equal("registry.example.com/samples/hello-app:2.0", updated);
        Assert.Equal("registry.example.com/samples/hello-app:1.0", undone);
        Assert.Matches(@"(?m)^2\s+<none>", history);
        Assert.Matches(@"(?m)^3\s+<none>", history);
        Assert.DoesNotMatch(@"(?m)^1\s+<none>", history);
    }

    [KubectlFact]
    public async Task Kubectl_rollout_status_fails_when_the_image_cannot_be_pulled()
    {
        await using var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.05 }, CancellationToken.None);
        using var kubectl = new KubectlRunner(host);

        await kubectl.MustAsync("apply", "-f", Path.Combine(Manifests, "broken-web.yaml"));
        var result = await kubectl.RunAsync("rollout", "status", "deployment/broken-web", "--timeout=60s");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("deployment \"broken-web\" exceeded its progress deadline", result.Stderr, StringComparison.Ordinal);
    }

    private static string FindManifests()
    {
        const string relative = "tests/Declarative.Kubernetes.ApiServer.Tests/Controllers/Deployments/manifests";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}.");
    }
}
