using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The StatefulSet controller: ControllerRevisions per template, simulated pods per ordinal (see
/// <see cref="StatefulSetPods"/>), claims from volumeClaimTemplates, and the status kubectl rollout status reads.
/// </summary>
public sealed class StatefulSetController : Controller
{
    private readonly Dictionary<ObjectKey, (string Uid, SortedDictionary<int, SimulatedPod> Pods)> _sets = [];

    public override string Name => "statefulset-controller";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [("apps", "statefulsets")];

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var set = context.Get(key);
        if (set is null || ObjectMeta.IsDeleting(set))
        {
            _sets.Remove(key);
            return null;
        }

        var time = SimulatedTime.Of(context);
        var shape = StatefulSetShape.Of(set);
        var updateRevision = RevisionHistory.Ensure(context, set, "StatefulSet");
        var status = JsonTree.Existing(set, "status");
        var currentRevision = JsonTree.Text(status, "currentRevision") is { Length: > 0 } current ? current : updateRevision;
        var pods = new StatefulSetPods(PodsOf(key, set), currentRevision, updateRevision);
        var changed = pods.Step(shape, time);
        StatefulSetClaims.Ensure(context, set, pods.Pods.Keys);
        var next = StatefulSetStatusBuilder.Build(set, shape, pods.Pods, currentRevision, updateRevision, time.Now);
        if (!JsonNode.DeepEquals(status, next))
        {
            context.UpdateStatus(key, s => s["status"] = next);
        }

        RevisionHistory.Trim(context, set, new HashSet<string>(pods.Pods.Values.Select(p => p.Revision).Append(updateRevision).Append(currentRevision), StringComparer.Ordinal));
        return changed ? TimeSpan.Zero : time.UntilEarliest(pods.Pods.Values.SelectMany(p => p.Moments));
    }

    private SortedDictionary<int, SimulatedPod> PodsOf(ObjectKey key, JsonObject set)
    {
        var uid = ObjectMeta.Uid(set) ?? string.Empty;
        if (!_sets.TryGetValue(key, out var entry) || entry.Uid != uid)
        {
            entry = (uid, new SortedDictionary<int, SimulatedPod>());
            _sets[key] = entry;
        }

        return entry.Pods;
    }
}
