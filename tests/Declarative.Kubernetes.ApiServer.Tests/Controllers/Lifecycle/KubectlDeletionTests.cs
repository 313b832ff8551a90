using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Kubernetes.ApiServer.Tests.Kubectl;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle.LifecycleServer;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle;

/// <summary>The real kubectl deletes through the double as on a cluster: cascades reach dependents, and
/// `kubectl delete namespace` (which waits until it is gone) removes what the namespace held.</summary>
public sealed class KubectlDeletionTests
{
    private const string Manifest = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 0
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """;

    [KubectlFact]
    public async Task Kubectl_delete_of_a_Deployment_removes_its_ReplicaSets()
    {
        await using var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.1 }, CancellationToken.None);
        using var kubectl = new KubectlRunner(host);
        var deployment = await WriteAsync(kubectl, "deployment.yaml", Manifest);
        await kubectl.MustAsync("apply", "--server-side", "-f", deployment);
        var uid = await kubectl.MustAsync("get", "deployment", "web", "-n", "shop", "-o", "jsonpath={.metadata.uid}");
        await kubectl.MustAsync("create", "-f", await WriteAsync(kubectl, "replicaset.yaml", ReplicaSet(uid)));

        await kubectl.MustAsync("delete", "-f", await WriteAsync(kubectl, "only-deployment.yaml", Manifest[Manifest.IndexOf("apiVersion: apps/v1", StringComparison.Ordinal)..]));

        await EventuallyAsync(
            async () => (await kubectl.MustAsync("get", "replicasets", "-n", "shop", "-o", "name")).Trim().Length == 0,
            "kubectl lists no ReplicaSet in shop");
    }

    [KubectlFact]
    public async Task Kubectl_delete_namespace_waits_until_it_and_its_objects_are_gone()
    {
        await using var host = await ApiServerHost.StartAsync(new ApiServerOptions { TimeScale = 0.1 }, CancellationToken.None);
        using var kubectl = new KubectlRunner(host);
        await kubectl.MustAsync("apply", "--server-side", "-f", await WriteAsync(kubectl, "shop.yaml", Manifest));

        var deleted = await kubectl.MustAsync("delete", "namespace", "shop");

        Assert.Contains("namespace \"shop\" deleted", deleted, StringComparison.Ordinal);
        var missing = await kubectl.RunAsync("get", "namespace", "shop");
        Assert.Contains("namespaces \"shop\" not found", missing.Stderr, StringComparison.Ordinal);
        Assert.Empty((await kubectl.MustAsync("get", "deployments,configmaps,serviceaccounts", "-n", "shop", "-o", "name")).Trim());
    }

    private static string ReplicaSet(string deploymentUid) => $"""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-handmade
          namespace: shop
          ownerReferences:
          - apiVersion: apps/v1
            kind: Deployment
            name: web
            uid: {deploymentUid}
            controller: true
            blockOwnerDeletion: true
        spec:
          replicas: 0
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """;

    private static async Task<string> WriteAsync(KubectlRunner kubectl, string name, string yaml)
    {
        var path = Path.Combine(kubectl.Directory, name);
        await File.WriteAllTextAsync(path, yaml + "\n");
        return path;
    }
}
