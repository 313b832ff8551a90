using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Tests.Core;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments.RolloutCluster;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments;

public sealed class ProgressTests
{
    [Theory]
    [InlineData("example/app:fail")]
    [InlineData("unreachable.invalid/team/app:1.0")]
    public async Task An_image_that_cannot_be_pulled_exceeds_the_progress_deadline(string image)
    {
        await using var cluster = await StartAsync();
        await cluster.CreateAsync(Deployment("web", replicas: 2, image: image, extraSpec: new JsonObject { ["progressDeadlineSeconds"] = 10 }));

        var failed = await cluster.WaitForAsync($"{DeploymentsPath}/web", d => Text(Condition(d, "Progressing")?["reason"]) == "ProgressDeadlineExceeded");

        var rs = Assert.Single(await cluster.ReplicaSetsOfAsync("web")).Key;
        var progressing = Condition(failed, "Progressing")!;
        Assert.Equal(("False", $"ReplicaSet \"{rs}\" has timed out progressing."), (Text(progressing["status"]), Text(progressing["message"])));
        var available = Condition(failed, "Available")!;
        Assert.Equal(("False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."), (Text(available["status"]), Text(available["reason"]), Text(available["message"])));
        var status = failed["status"]!;
        Assert.Equal((2L, 2L, 2L, 0L, 0L), (Number(status["replicas"]), Number(status["updatedReplicas"]), Number(status["unavailableReplicas"]), Number(status["readyReplicas"]), Number(status["availableReplicas"])));
    }

    [Fact]
    public async Task Watchers_see_the_progressing_reasons_in_order_as_modified_events()
    {
        await using var cluster = await StartAsync(timeScale: 0.05);
        var list = await cluster.GetAsync(DeploymentsPath);
        await using var watch = await WatchStream.OpenAsync(cluster.Client, $"{DeploymentsPath}?watch=true&resourceVersion={list["metadata"]!["resourceVersion"]}");

        await cluster.CreateAsync(Deployment("web", replicas: 2));
        var reasons = new List<string>();
        var types = new List<string>();
        while (reasons.LastOrDefault() != "NewReplicaSetAvailable")
        {
            var change = (await watch.NextChangeAsync())!;
            types.Add(Text(change["type"]));
            var reason = Text(Condition(change["object"]!.AsObject(), "Progressing")?["reason"]);
            if (reason.Length > 0 && reason != reasons.LastOrDefault())
            {
                reasons.Add(reason);
            }
        }

        Assert.Equal(["NewReplicaSetCreated", "ReplicaSetUpdated", "NewReplicaSetAvailable"], reasons);
        Assert.Equal("ADDED", types[0]);
        Assert.All(types.Skip(1), type => Assert.Equal("MODIFIED", type));
    }

    [Fact]
    public async Task A_replication_controller_reports_ready_replicas()
    {
        await using var cluster = await StartAsync();
        const string path = "/api/v1/namespaces/default/replicationcontrollers";
        var rc = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"legacy","namespace":"default"},
             "spec":{"replicas":2,"selector":{"app":"legacy"},"template":{"metadata":{"labels":{"app":"legacy"}},"spec":{"containers":[{"name":"c","image":"example/legacy:1"}]}}}}
            """)!.AsObject();
        using var response = await cluster.Client.PostAsync(path, new StringContent(rc.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(201, (int)response.StatusCode);

        var ready = await cluster.WaitForAsync($"{path}/legacy", o => Number(o["status"]?["readyReplicas"]) == 2);

        var status = ready["status"]!;
        Assert.Equal((2L, 2L, 2L, 1L), (Number(status["replicas"]), Number(status["fullyLabeledReplicas"]), Number(status["availableReplicas"]), Number(status["observedGeneration"])));
    }
}
