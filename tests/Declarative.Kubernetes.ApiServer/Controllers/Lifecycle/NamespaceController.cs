using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Lifecycle;

/// <summary>
/// kube-controller-manager's namespace controller: a Namespace that is Terminating (deletionTimestamp set, the
/// "kubernetes" spec finalizer present) has its content deleted, its status conditions set, and once nothing
/// is left the finalizer removed, which removes the Namespace.
/// </summary>
public sealed class NamespaceController : Controller
{
    /// <summary>Simulated time between the DELETE and the controller's first pass (discovery, listing).</summary>
    public static readonly TimeSpan DeletionDelay = TimeSpan.FromSeconds(1);

    /// <summary>Simulated time before looking again while finalizers hold content.</summary>
    public static readonly TimeSpan RecheckDelay = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public override string Name => "namespace-controller";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [(string.Empty, "namespaces")];

    /// <summary>The deletion of any namespaced object re-checks its namespace at once.</summary>
    public override bool WatchesEverything => true;

    public override IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change)
    {
        if (!resource.IsCustom && resource.StorageKey == "/namespaces")
        {
            return [ObjectKey.Of(resource, change.Object)];
        }

        return change.Type == WatchEvent.Deleted && ObjectMeta.Namespace(change.Object) is { } ns
            ? [new ObjectKey(string.Empty, "namespaces", null, ns)]
            : [];
    }

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var ns = context.Get(key);
        if (ns is null || !ObjectMeta.IsDeleting(ns) || !ObjectStore.SpecFinalizers(ns).Contains(ObjectStore.NamespaceFinalizer))
        {
            return null;
        }

        if (NotYetDue(ns, context) is { } wait)
        {
            return wait;
        }

        var remaining = NamespaceContent.DeleteAll(context, key.Name);
        context.UpdateStatus(key, current => NamespaceConditions.Apply(current, remaining, context.Now));
        if (!remaining.IsEmpty)
        {
            return RecheckDelay;
        }

        RemoveKubernetesFinalizer(context, key, ns);
        return null;
    }

    /// <summary>The simulated time still to wait before the first pass over a namespace, or null when it is due.</summary>
    private TimeSpan? NotYetDue(JsonObject ns, ControllerContext context)
    {
        var first = _firstSeen.GetOrAdd(ObjectMeta.Uid(ns) ?? ObjectMeta.Name(ns), _ => context.Now);
        var scale = context.State.Options.TimeScale;
        var due = DeletionDelay * scale;
        var elapsed = context.Now - first;
        return scale <= 0 || elapsed >= due ? null : (due - elapsed) / scale;
    }

    /// <summary>What the finalize subresource does for the controller: "kubernetes" leaves spec.finalizers, and a
    /// namespace with nothing else holding it is removed by that write.</summary>
    private void RemoveKubernetesFinalizer(ControllerContext context, ObjectKey key, JsonObject ns)
    {
        _firstSeen.TryRemove(ObjectMeta.Uid(ns) ?? key.Name, out _);
        try
        {
            context.Store.Write(context.Resource(key), null, key.Name, dryRun: false, current =>
            {
                var live = current ?? throw StatusFactory.NotFound(context.Resource(key), key.Name);
                var spec = live["spec"] as JsonObject ?? [];
                spec["finalizers"] = new JsonArray([.. ObjectStore.SpecFinalizers(live).Where(f => f != ObjectStore.NamespaceFinalizer).Select(f => (JsonNode)f)]);
                live["spec"] = spec;
                return live;
            });
        }
        catch (ApiError error) when (error.Code == 404)
        {
            // Someone else finished it.
        }
    }
}
