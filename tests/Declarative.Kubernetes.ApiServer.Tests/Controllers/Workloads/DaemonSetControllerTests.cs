namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

public sealed class DaemonSetControllerTests
{
    private const string Sets = "/apis/apps/v1/namespaces/default/daemonsets";

    private static string DaemonSet(string name, string extraSpec = "") => """
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"NAME"},
         "spec":{"selector":{"matchLabels":{"app":"NAME"}}EXTRA,
          "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"agent","image":"fluentd:v1"}]}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("EXTRA", extraSpec, StringComparison.Ordinal);

    [Fact]
    public async Task Daemon_set_runs_a_ready_pod_on_every_simulated_node()
    {
        await using var cluster = await WorkloadCluster.StartAsync(nodes: 4);
        await cluster.CreateAsync(Sets, DaemonSet("agent"));

        var set = await cluster.WaitForAsync($"{Sets}/agent", s => WorkloadCluster.Number(s, "numberAvailable") == 4);
        var nodes = (await cluster.GetAsync("/api/v1/nodes"))!["items"]!.AsArray();

        Assert.Equal(4, nodes.Count);
        Assert.All(nodes, n => Assert.Contains(n!["status"]!["conditions"]!.AsArray(), c => WorkloadCluster.Text(c, "type") == "Ready" && WorkloadCluster.Text(c, "status") == "True"));
        Assert.Equal(4, WorkloadCluster.Number(set, "desiredNumberScheduled"));
        Assert.Equal(4, WorkloadCluster.Number(set, "currentNumberScheduled"));
        Assert.Equal(4, WorkloadCluster.Number(set, "numberReady"));
        Assert.Equal(4, WorkloadCluster.Number(set, "updatedNumberScheduled"));
        Assert.Equal(0, WorkloadCluster.Number(set, "numberMisscheduled"));
        Assert.Equal(1, WorkloadCluster.Number(set, "observedGeneration"));
        Assert.Null(set["status"]!["numberUnavailable"]);
    }

    [Fact]
    public async Task Node_selector_limits_the_desired_number()
    {
        await using var cluster = await WorkloadCluster.StartAsync(nodes: 3);
        await cluster.CreateAsync(Sets, DaemonSet("one").Replace("\"spec\":{\"containers\"", "\"spec\":{\"nodeSelector\":{\"kubernetes.io/hostname\":\"double-worker2\"},\"containers\"", StringComparison.Ordinal));

        var set = await cluster.WaitForAsync($"{Sets}/one", s => WorkloadCluster.Number(s, "numberAvailable") == 1);

        Assert.Equal(1, WorkloadCluster.Number(set, "desiredNumberScheduled"));
    }

    [Fact]
    public async Task Rolling_update_replaces_pods_within_max_unavailable()
    {
        await using var cluster = await WorkloadCluster.StartAsync(timeScale: 0.05, nodes: 3);
        await cluster.CreateAsync(Sets, DaemonSet("agent"));
        await cluster.WaitForAsync($"{Sets}/agent", s => WorkloadCluster.Number(s, "numberAvailable") == 3);
        var worstUnavailable = 0L;

        await cluster.PatchAsync($"{Sets}/agent", """{"spec":{"template":{"spec":{"containers":[{"name":"agent","image":"fluentd:v2"}]}}}}""");
        var set = await cluster.WaitForAsync($"{Sets}/agent",
            s => WorkloadCluster.Number(s, "observedGeneration") == 2 && WorkloadCluster.Number(s, "updatedNumberScheduled") == 3 && WorkloadCluster.Number(s, "numberAvailable") == 3,
            s => worstUnavailable = Math.Max(worstUnavailable, WorkloadCluster.Number(s, "numberUnavailable")));

        Assert.Equal(1, worstUnavailable);
        Assert.Equal(3, WorkloadCluster.Number(set, "numberReady"));
    }

    [Fact]
    public async Task On_delete_daemon_set_does_not_advance_updated_number_scheduled()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync(Sets, DaemonSet("agent", ""","updateStrategy":{"type":"OnDelete"}"""));
        await cluster.WaitForAsync($"{Sets}/agent", s => WorkloadCluster.Number(s, "numberAvailable") == 3);

        await cluster.PatchAsync($"{Sets}/agent", """{"spec":{"template":{"spec":{"containers":[{"name":"agent","image":"fluentd:v2"}]}}}}""");
        var set = await cluster.WaitForAsync($"{Sets}/agent", s => WorkloadCluster.Number(s, "observedGeneration") == 2);

        Assert.Equal(0, WorkloadCluster.Number(set, "updatedNumberScheduled"));
        Assert.Equal(3, WorkloadCluster.Number(set, "numberAvailable"));
    }
}
