namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>The ReplicationController manager: the same simulated pods and status as a ReplicaSet's.</summary>
public sealed class ReplicationControllerController : ReplicatingController
{
    public override IReadOnlyList<(string Group, string Plural)> Watches { get; } = [("", "replicationcontrollers")];
}
