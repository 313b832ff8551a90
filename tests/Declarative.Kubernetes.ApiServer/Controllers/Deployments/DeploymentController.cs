using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>
/// The deployment controller (kubernetes pkg/controller/deployment): one ReplicaSet per pod template, rolled by
/// the RollingUpdate or Recreate strategy, revision annotations and history, status and conditions of reference
/// 7.1, the progress deadline. A ReplicaSet's change wakes its owning Deployment.
/// </summary>
public sealed class DeploymentController : Controller
{
    private readonly ProgressClock _progress = new();

    public override string Name => "kube-controller-manager";

    public override IReadOnlyList<(string Group, string Plural)> Watches { get; } = [("apps", "deployments"), ("apps", "replicasets")];

    public override IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change)
    {
        if (resource.Plural == "deployments")
        {
            return [ObjectKey.Of(resource, change.Object)];
        }

        return ReplicaSets.ControllerName(change.Object, "Deployment") is { } owner
            ? [new ObjectKey("apps", "deployments", ObjectMeta.Namespace(change.Object), owner)]
            : [];
    }

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var deployment = context.Get(key);
        if (deployment is null)
        {
            _progress.Forget(key);
            return null;
        }

        if (ObjectMeta.IsDeleting(deployment))
        {
            return null;
        }

        var uid = ObjectMeta.Uid(deployment);
        var owned = context.List(context.Resource("apps", "replicasets"), key.Namespace)
            .Where(rs => ReplicaSets.ControllerUid(rs) == uid)
            .ToList();
        return new DeploymentSync(context, key, deployment, owned, _progress).Run();
    }
}
