using System.Text.RegularExpressions;
using static Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments.RolloutCluster;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments;

public sealed class DeploymentStatusTests
{
    [Fact]
    public async Task A_new_deployment_rolls_out_with_the_status_of_the_reference()
    {
        await using var cluster = await StartAsync();
        await cluster.CreateAsync(Deployment("web", replicas: 3));

        var done = await cluster.WaitForRolloutAsync("web");

        var status = done["status"]!;
        Assert.Equal(1, Number(status["observedGeneration"]));
        Assert.Equal(3, Number(status["replicas"]));
        Assert.Equal(3, Number(status["updatedReplicas"]));
        Assert.Equal(3, Number(status["readyReplicas"]));
        Assert.Equal(3, Number(status["availableReplicas"]));
        Assert.Null(status["unavailableReplicas"]);
        var rs = Assert.Single(await cluster.ReplicaSetsOfAsync("web")).Key;
        Assert.Matches(new Regex("^web-[bcdfghjkmnpqrstvwxz2456789]{6,10}$"), rs);
        var available = Condition(done, "Available")!;
        Assert.Equal(("True", "MinimumReplicasAvailable", "Deployment has minimum availability."), (Text(available["status"]), Text(available["reason"]), Text(available["message"])));
        var progressing = Condition(done, "Progressing")!;
        Assert.Equal(("True", "NewReplicaSetAvailable", $"ReplicaSet \"{rs}\" has successfully progressed."), (Text(progressing["status"]), Text(progressing["reason"]), Text(progressing["message"])));
        Assert.Equal("1", Text(done["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]));
    }
}
