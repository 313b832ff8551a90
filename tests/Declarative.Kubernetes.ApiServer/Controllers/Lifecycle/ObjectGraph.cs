using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>
/// The garbage collector's dependency graph (GraphBuilder's role), rebuilt from the store for each pass:
/// every object of every served collection, and the dependents of each owner uid.
/// </summary>
public sealed class ObjectGraph
{
    private readonly ControllerContext _context;
    private readonly Dictionary<string, GraphNode> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GraphNode>> _dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Group, string Kind), ApiResource> _kinds = [];

    private ObjectGraph(ControllerContext context, IReadOnlyList<GraphNode> nodes)
    {
        _context = context;
        Nodes = nodes;
        foreach (var resource in Collections(context.State.Registry))
        {
            _kinds.TryAdd((resource.Group, resource.Kind), resource);
        }

        foreach (var node in nodes)
        {
            _byUid[node.Uid] = node;
            foreach (var owner in node.OwnerReferences.Select(r => GraphNode.Text(r, "uid")).OfType<string>().Distinct())
            {
                if (!_dependents.TryGetValue(owner, out var list))
                {
                    list = [];
                    _dependents[owner] = list;
                }

                list.Add(node);
            }
        }
    }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public static ObjectGraph Capture(ControllerContext context) =>
        new(context, [.. Collections(context.State.Registry)
            .SelectMany(r => context.Store.List(r).Items.Values.Select(o => new GraphNode(r, o)))]);

    /// <summary>One resource per stored collection (its preferred version), CRDs' included.</summary>
    public static IEnumerable<ApiResource> Collections(ResourceRegistry registry) =>
        registry.All.GroupBy(r => r.StorageKey).Select(g => g.First());

    public IReadOnlyList<GraphNode> DependentsOf(string uid) => _dependents.GetValueOrDefault(uid) ?? [];

    /// <summary>
    /// What an ownerReference of <paramref name="dependent"/> points at, as the real collector decides it: the
    /// owner is looked up by kind and name in the dependent's namespace (or cluster-wide) and must have the
    /// referenced uid. A kind the server does not serve is left alone.
    /// </summary>
    public OwnerState StateOf(GraphNode dependent, System.Text.Json.Nodes.JsonObject reference)
    {
        var uid = GraphNode.Text(reference, "uid") ?? string.Empty;
        var resource = ResolveKind(GraphNode.Text(reference, "apiVersion"), GraphNode.Text(reference, "kind"));
        if (resource is null)
        {
            return OwnerState.Solid;
        }

        var ns = resource.Namespaced ? dependent.Namespace : null;
        var name = GraphNode.Text(reference, "name") ?? string.Empty;
        var owner = _byUid.TryGetValue(uid, out var known) && known.Resource.StorageKey == resource.StorageKey && known.Namespace == ns && known.Name == name
            ? known.Object
            : _context.Store.Get(resource, ns, name); // Not in this pass's snapshot: ask the store before calling it gone.
        if (owner is null || ObjectMeta.Uid(owner) != uid)
        {
            return OwnerState.Dangling;
        }

        return ObjectMeta.IsDeleting(owner) && ObjectStore.Finalizers(owner).Contains(ObjectStore.ForegroundFinalizer)
            ? OwnerState.WaitingForDependentsDeletion
            : OwnerState.Solid;
    }

    private ApiResource? ResolveKind(string? apiVersion, string? kind)
    {
        var group = apiVersion is not null && apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        // One lookup table per pass: scanning the registry for every ownerReference made a pass quadratic.
        return kind is null ? null : _kinds.GetValueOrDefault((group, kind));
    }
}
