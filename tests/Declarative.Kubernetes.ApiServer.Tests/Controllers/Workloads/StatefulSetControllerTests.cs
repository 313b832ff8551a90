using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

public sealed class StatefulSetControllerTests
{
    private const string Sets = "/apis/apps/v1/namespaces/default/statefulsets";

    internal static string StatefulSet(string name, int replicas, string extraSpec = "", string image = "nginx:1.27") =>
        """
        {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"NAME"},
         "spec":{"serviceName":"NAME","replicas":REPLICAS,"selector":{"matchLabels":{"app":"NAME"}}EXTRA,
          "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"web","image":"IMAGE","ports":[{"name":"http","containerPort":8080}]}]}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("EXTRA", extraSpec, StringComparison.Ordinal).Replace("IMAGE", image, StringComparison.Ordinal);

    [Fact]
    public async Task Ordered_ready_set_makes_each_replica_ready_before_creating_the_next()
    {
        await using var cluster = await WorkloadCluster.StartAsync(timeScale: 0.05);
        await cluster.CreateAsync(Sets, StatefulSet("web", 3));
        var overshoot = 0L;

        var set = await cluster.WaitForAsync($"{Sets}/web", s => WorkloadCluster.Number(s, "readyReplicas") == 3,
            s => overshoot = Math.Max(overshoot, WorkloadCluster.Number(s, "replicas") - WorkloadCluster.Number(s, "readyReplicas")));

        Assert.Equal(1, overshoot);
        var status = set["status"]!;
        Assert.Equal(3, (long)status["replicas"]!);
        Assert.Equal(3, (long)status["currentReplicas"]!);
        Assert.Equal(3, (long)status["updatedReplicas"]!);
        Assert.Equal(3, (long)status["availableReplicas"]!);
        Assert.Equal(1, (long)status["observedGeneration"]!);
        Assert.Equal(0, (long)status["collisionCount"]!);
        Assert.StartsWith("web-", (string)status["updateRevision"]!, StringComparison.Ordinal);
        Assert.Equal((string)status["updateRevision"]!, (string)status["currentRevision"]!);
    }

    [Fact]
    public async Task Parallel_set_creates_every_replica_at_once()
    {
        await using var cluster = await WorkloadCluster.StartAsync(timeScale: 1);
        await cluster.CreateAsync(Sets, StatefulSet("db", 3, ""","podManagementPolicy":"Parallel" """));

        var first = await cluster.WaitForAsync($"{Sets}/db", s => WorkloadCluster.Number(s, "replicas") > 0);
        var ready = await cluster.WaitForAsync($"{Sets}/db", s => WorkloadCluster.Number(s, "readyReplicas") == 3);

        Assert.Equal(3, WorkloadCluster.Number(first, "replicas"));
        Assert.Equal(0, WorkloadCluster.Number(first, "readyReplicas"));
        Assert.Equal(3, WorkloadCluster.Number(ready, "availableReplicas"));
    }

    [Fact]
    public async Task Rolling_update_with_a_partition_updates_only_the_ordinals_at_or_above_it()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Sets, StatefulSet("web", 3, ""","updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}"""));
        var before = await cluster.WaitForAsync($"{Sets}/web", s => WorkloadCluster.Number(s, "readyReplicas") == 3);

        await cluster.PatchAsync($"{Sets}/web", """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28","ports":[{"name":"http","containerPort":8080}]}]}}}}""");
        var after = await cluster.WaitForAsync($"{Sets}/web", s => WorkloadCluster.Number(s, "updatedReplicas") == 2 && WorkloadCluster.Number(s, "readyReplicas") == 3);

        var status = after["status"]!;
        Assert.Equal(2, (long)status["observedGeneration"]!);
        Assert.Equal(1, (long)status["currentReplicas"]!);
        Assert.Equal(WorkloadCluster.Text(before["status"], "currentRevision"), WorkloadCluster.Text(status, "currentRevision"));
        Assert.NotEqual(WorkloadCluster.Text(status, "currentRevision"), WorkloadCluster.Text(status, "updateRevision"));
        var revisions = (await cluster.GetAsync("/apis/apps/v1/namespaces/default/controllerrevisions"))!["items"]!.AsArray();
        Assert.Equal([1L, 2L], revisions.Select(r => (long)r!["revision"]!).Order());
        Assert.All(revisions, r => Assert.Equal("StatefulSet", WorkloadCluster.Text(r!["metadata"]!["ownerReferences"]![0], "kind")));
    }

    [Fact]
    public async Task Rolling_update_without_a_partition_moves_the_current_revision_when_done()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Sets, StatefulSet("web", 2));
        var before = await cluster.WaitForAsync($"{Sets}/web", s => WorkloadCluster.Number(s, "readyReplicas") == 2);

        await cluster.PatchAsync($"{Sets}/web", """{"spec":{"template":{"metadata":{"annotations":{"rev":"2"}}}}}""");
        var after = await cluster.WaitForAsync($"{Sets}/web", s => WorkloadCluster.Number(s, "observedGeneration") == 2
            && WorkloadCluster.Text(s["status"], "currentRevision") == WorkloadCluster.Text(s["status"], "updateRevision"));

        Assert.NotEqual(WorkloadCluster.Text(before["status"], "updateRevision"), WorkloadCluster.Text(after["status"], "updateRevision"));
        Assert.Equal(2, WorkloadCluster.Number(after, "updatedReplicas"));
        Assert.Equal(2, WorkloadCluster.Number(after, "currentReplicas"));
    }

    [Fact]
    public async Task On_delete_set_observes_the_new_generation_without_updating_replicas()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Sets, StatefulSet("web", 2, ""","updateStrategy":{"type":"OnDelete"}"""));
        await cluster.WaitForAsync($"{Sets}/web", s => WorkloadCluster.Number(s, "readyReplicas") == 2);

        await cluster.PatchAsync($"{Sets}/web", """{"spec":{"template":{"metadata":{"annotations":{"rev":"2"}}}}}""");
        var after = await cluster.WaitForAsync($"{Sets}/web", s => WorkloadCluster.Number(s, "observedGeneration") == 2);

        Assert.Equal(0, WorkloadCluster.Number(after, "updatedReplicas"));
        Assert.Equal(2, WorkloadCluster.Number(after, "currentReplicas"));
        Assert.NotEqual(WorkloadCluster.Text(after["status"], "currentRevision"), WorkloadCluster.Text(after["status"], "updateRevision"));
    }

    [Fact]
    public async Task Volume_claim_templates_give_each_ordinal_a_bound_claim()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Sets, StatefulSet("web", 2, ""","volumeClaimTemplates":[{"metadata":{"name":"www"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]"""));

        var claim0 = await cluster.WaitForAsync("/api/v1/namespaces/default/persistentvolumeclaims/www-web-0", c => WorkloadCluster.Text(c["status"], "phase") == "Bound");
        var claim1 = await cluster.WaitForAsync("/api/v1/namespaces/default/persistentvolumeclaims/www-web-1", c => WorkloadCluster.Text(c["status"], "phase") == "Bound");

        Assert.Equal("web", WorkloadCluster.Text(claim0["metadata"]!["labels"], "app"));
        Assert.Equal($"pvc-{WorkloadCluster.Text(claim1["metadata"], "uid")}", WorkloadCluster.Text(claim1["spec"], "volumeName"));
    }
}
