using Declarative.Kubernetes.ApiServer.Tests.Host;

namespace Declarative.Kubernetes.ApiServer.Tests.Kubectl;

/// <summary>The issue's "Done when": the real kubectl, unchanged, against the double (same steps as
/// scripts/kubectl-fidelity.sh, with the double in-process).</summary>
public sealed class KubectlFidelityTests
{
    private static readonly string Manifests = FindManifests();

    [KubectlFact]
    public async Task Kubectl_reads_version_and_api_resources_from_the_double()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var kubectl = new KubectlRunner(host);

        var version = await kubectl.MustAsync("version");
        var resources = await kubectl.MustAsync("api-resources");

        Assert.Contains("Server Version: v1.32.0", version, StringComparison.Ordinal);
        Assert.Matches(@"deployments\s+deploy\s+apps/v1\s+true\s+Deployment", resources);
        Assert.Matches(@"ingresses\s+ing\s+networking.k8s.io/v1\s+true\s+Ingress", resources);
    }

    [KubectlFact]
    public async Task Kubectl_authenticates_with_a_client_certificate_from_the_kubeconfig()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var kubectl = new KubectlRunner(host.KubeconfigYaml(host.IssueClientCertificate("alice")));

        var version = await kubectl.MustAsync("version");

        Assert.Contains("Server Version: v1.32.0", version, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Kubectl_applies_diffs_changes_and_deletes_public_manifests_server_side()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var kubectl = new KubectlRunner(host);

        // `kubectl create namespace NAME` sends protobuf, which the double does not decode (415): a manifest
        // goes through kubectl's unstructured client as JSON.
        var namespaceFile = Path.Combine(kubectl.Directory, "namespace.yaml");
        await File.WriteAllTextAsync(namespaceFile, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fidelity\n");
        await kubectl.MustAsync("create", "-f", namespaceFile);
        await kubectl.MustAsync("apply", "--server-side", "-n", "fidelity", "-f", Manifests);
        var yaml = await kubectl.MustAsync("get", "deploy,svc,sts,pvc,ing,sa", "-n", "fidelity", "-o", "yaml");

        // The controllers keep writing status until the workloads are rolled out; kubectl diff shows status too, so
        // it runs once they are settled (as it would against a real cluster).
        foreach (var workload in new[] { "deployment/redis-leader", "deployment/redis-follower", "deployment/frontend", "statefulset/web" })
        {
            await kubectl.MustAsync("rollout", "status", workload, "-n", "fidelity", "--timeout", "60s");
        }

        await kubectl.MustAsync("diff", "--server-side", "-n", "fidelity", "-f", Manifests);
        var changed = ChangedCopy(kubectl.Directory);
        await kubectl.MustAsync("apply", "--server-side", "-n", "fidelity", "-f", changed);
        var replicas = await kubectl.MustAsync("get", "deployment", "frontend", "-n", "fidelity", "-o", "jsonpath={.spec.replicas}");
        await kubectl.MustAsync("delete", "-n", "fidelity", "-f", changed);
        await kubectl.MustAsync("delete", "namespace", "fidelity");

        foreach (var name in new[] { "name: redis-leader", "name: frontend", "name: web", "name: uploads", "name: guestbook", "kind: Ingress" })
        {
            Assert.Contains(name, yaml, StringComparison.Ordinal);
        }

        Assert.Equal("5", replicas);
    }

    /// <summary>The manifests stay in the source tree (the test project does not copy them): found from the test
    /// assembly's folder upwards.</summary>
    private static string FindManifests()
    {
        const string relative = "tests/Declarative.Kubernetes.ApiServer.Tests/Kubectl/manifests";
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

    /// <summary>The manifests with the frontend scaled from 3 to 5 replicas: the one field the second apply changes.</summary>
    private static string ChangedCopy(string directory)
    {
        var target = Directory.CreateDirectory(Path.Combine(directory, "changed")).FullName;
        foreach (var file in Directory.GetFiles(Manifests, "*.yaml"))
        {
            var text = File.ReadAllText(file);
            if (Path.GetFileName(file) == "guestbook.yaml")
            {
                text = text.Replace("  replicas: 3\n", "  replicas: 5\n", StringComparison.Ordinal);
            }

            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }

        return target;
    }
}
