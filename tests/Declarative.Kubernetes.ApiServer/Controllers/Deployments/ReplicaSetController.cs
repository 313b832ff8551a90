namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>The ReplicaSet controller: simulated pods and the status a real one writes (see <see cref="ReplicatingController"/>).</summary>
public sealed class ReplicaSetController : ReplicatingController
{
    public override IReadOnlyList<(string Group, string Plural)> Watches { get; } = [("apps", "replicasets")];
}
