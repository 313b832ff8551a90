using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// Creates, once at start, the <see cref="ApiServerOptions.SimulatedNodes"/> Ready Nodes (when there are none) and
/// the default StorageClass <c>standard</c> (when no class exists). It watches namespaces only because the
/// initial namespaces exist from the first moment, so their ADDED events run it as soon as the manager starts.
/// </summary>
public sealed class ClusterBootstrapController : Controller
{
    private static readonly ObjectKey Bootstrap = new("", "nodes", null, string.Empty);

    private bool _done;

    public override string Name => "double-cluster-bootstrap";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [("", "namespaces")];

    public override IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change) => _done ? [] : [Bootstrap];

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        if (_done)
        {
            return null;
        }

        var nodes = context.Resource("", "nodes");
        if (!context.List(nodes, null).Any())
        {
            for (var index = 0; index < context.State.Options.SimulatedNodes; index++)
            {
                context.Create(nodes, SimulatedCluster.Node(index, context.Now));
            }
        }

        var classes = context.Resource("storage.k8s.io", "storageclasses");
        if (!context.List(classes, null).Any())
        {
            context.Create(classes, SimulatedCluster.StorageClass());
        }

        _done = true;
        return null;
    }
}
