using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>
/// kube-controller-manager's garbage collector: dependents (objects whose metadata.ownerReferences name an owner
/// uid) are deleted once no owner is left (Background), before a foreground-deleting owner goes (Foreground,
/// the owner's foregroundDeletion finalizer), or released from an orphaning owner (Orphan, its orphan
/// finalizer). Every change that can matter queues one pass over the whole store; a pass does what the state
/// calls for, and its own writes queue the next, until nothing is left to do.
/// </summary>
public sealed class GarbageCollector : Controller
{
    /// <summary>The one key of this controller: "look at the whole graph again".</summary>
    public static readonly ObjectKey Pass = new(string.Empty, string.Empty, null, "garbage-collection-pass");

    /// <summary>Simulated time between passes while any dependent exists: a collection the manager starts to watch
    /// late (a new CRD's) may have lost an owner before its first event reached this controller.</summary>
    public static readonly TimeSpan ResyncPeriod = TimeSpan.FromSeconds(5);

    private DateTimeOffset? _resyncDue;

    /// <summary>A pass reads every object; while a thousand dependents are being created, back-to-back passes cost
    /// the server a core. The real collector keeps its graph incrementally; a short pause between passes (changes
    /// coalesce into the next) costs about as little.</summary>
    public override TimeSpan MinimumInterval => TimeSpan.FromMilliseconds(100);

    public override string Name => "garbage-collector";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [];

    public override bool WatchesEverything => true;

    public override IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change) => Matters(change) ? [Pass] : [];

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var graph = ObjectGraph.Capture(context);
        foreach (var node in graph.Nodes)
        {
            if (node.IsDeleting)
            {
                ProcessDeleting(node, graph, context);
            }
            else if (node.OwnerReferences.Count > 0)
            {
                ProcessDependent(node, graph, context);
            }
        }

        return NextResync(graph, context);
    }

    /// <summary>About one resync pending at a time (Reconcile never runs concurrently for one controller); the
    /// half-period margin keeps the chain alive when a timer fires a little early.</summary>
    private TimeSpan? NextResync(ObjectGraph graph, ControllerContext context)
    {
        var period = ResyncPeriod * context.State.Options.TimeScale;
        if ((_resyncDue is { } due && context.Now < due - (period / 2)) || !graph.Nodes.Any(n => n.OwnerReferences.Count > 0))
        {
            return null;
        }

        _resyncDue = context.Now + period;
        return ResyncPeriod;
    }

    /// <summary>Deletions, new dependents, and changes of ownerReferences, finalizers or deletion state.</summary>
    private static bool Matters(WatchEvent change) => change.Type switch
    {
        WatchEvent.Deleted => true,
        WatchEvent.Added => GraphNode.OwnerReferencesOf(change.Object).Count > 0 || ObjectMeta.IsDeleting(change.Object),
        _ => change.Previous is null || !JsonNode.DeepEquals(GraphFields(change.Object), GraphFields(change.Previous)),
    };

    private static JsonArray GraphFields(JsonObject obj) =>
        [obj["metadata"]?["ownerReferences"]?.DeepClone(), obj["metadata"]?["finalizers"]?.DeepClone(), obj["metadata"]?["deletionTimestamp"]?.DeepClone()];

    /// <summary>An owner being deleted: orphan its dependents, or wait for its blocking dependents to go.</summary>
    private static void ProcessDeleting(GraphNode owner, ObjectGraph graph, ControllerContext context)
    {
        var dependents = graph.DependentsOf(owner.Uid);
        if (owner.HasFinalizer(ObjectStore.OrphanFinalizer))
        {
            var released = dependents.All(d => Cascade.RemoveOwnerReferences(context, d, [owner.Uid]));
            if (released)
            {
                Cascade.RemoveFinalizer(context, owner, ObjectStore.OrphanFinalizer);
            }
        }
        else if (owner.HasFinalizer(ObjectStore.ForegroundFinalizer)
            && !dependents.Any(d => d.ReferenceTo(owner.Uid)?["blockOwnerDeletion"] is JsonValue block && block.TryGetValue(out bool blocks) && blocks))
        {
            Cascade.RemoveFinalizer(context, owner, ObjectStore.ForegroundFinalizer);
        }
    }

    /// <summary>attemptToDeleteItem: a dependent with a live owner keeps only its live references; one whose owners
    /// are all gone or deleting in the foreground is deleted.</summary>
    private static void ProcessDependent(GraphNode dependent, ObjectGraph graph, ControllerContext context)
    {
        var states = dependent.OwnerReferences.Select(r => (Uid: GraphNode.Text(r, "uid") ?? string.Empty, State: graph.StateOf(dependent, r))).ToList();
        var released = states.Where(s => s.State != OwnerState.Solid).Select(s => s.Uid).ToHashSet(StringComparer.Ordinal);
        if (released.Count == 0)
        {
            return;
        }

        if (states.Any(s => s.State == OwnerState.Solid))
        {
            Cascade.RemoveOwnerReferences(context, dependent, released);
            return;
        }

        var ownerWaits = states.Any(s => s.State == OwnerState.WaitingForDependentsDeletion);
        Cascade.Delete(context, dependent.Resource, dependent.Object, PolicyFor(dependent, ownerWaits && graph.DependentsOf(dependent.Uid).Count > 0));
    }

    /// <summary>Foreground when a waiting owner's dependent has dependents of its own; else what the dependent's
    /// own finalizers ask for; else Background.</summary>
    private static string PolicyFor(GraphNode dependent, bool cascadeForeground) =>
        cascadeForeground ? "Foreground"
        : dependent.HasFinalizer(ObjectStore.OrphanFinalizer) ? "Orphan"
        : dependent.HasFinalizer(ObjectStore.ForegroundFinalizer) ? "Foreground"
        : "Background";
}
