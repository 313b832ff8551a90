using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers;

/// <summary>
/// A simulated controller, level-triggered like kube-controller-manager's: the manager feeds it the keys of
/// objects whose collections it watches; <see cref="Reconcile"/> reads the current state from the store and
/// writes what a real controller would. Reconcile runs for one key at a time per controller.
/// </summary>
public abstract class Controller
{
    /// <summary>The name in logs and the field manager of its writes.</summary>
    public abstract string Name { get; }

    /// <summary>Collections to watch, as (group, plural): events on them call <see cref="KeysFor"/>.</summary>
    public abstract IReadOnlyList<(string Group, string Plural)> Watches { get; }

    /// <summary>Watch every served collection, CRDs included (the garbage collector does).</summary>
    public virtual bool WatchesEverything => false;

    /// <summary>Simulated time the manager waits after a Reconcile before the next one of this controller; keys
    /// queued meanwhile coalesce. For controllers whose one key means "look at everything again".</summary>
    public virtual TimeSpan MinimumInterval => TimeSpan.Zero;

    /// <summary>The objects to reconcile after <paramref name="change"/>: by default the object itself; a
    /// ReplicaSet change also names its owning Deployment.</summary>
    public virtual IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change) => [ObjectKey.Of(resource, change.Object)];

    /// <summary>Brings the world one step closer to <paramref name="key"/>'s spec. Returns the simulated time after
    /// which to look again (scaled by the manager), or null when nothing is pending.</summary>
    public abstract TimeSpan? Reconcile(ObjectKey key, ControllerContext context);
}
