using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The DaemonSet controller: a simulated pod on every Ready Node whose labels match the template's nodeSelector
/// (see <see cref="DaemonSetPods"/>), ControllerRevisions per template, and the status kubectl rollout status
/// reads. A Node change re-runs every DaemonSet.
/// </summary>
public sealed class DaemonSetController : Controller
{
    private readonly Dictionary<ObjectKey, (string Uid, Dictionary<string, SimulatedPod> Pods)> _sets = [];

    public override string Name => "daemonset-controller";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [("apps", "daemonsets"), ("", "nodes")];

    public override IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change) =>
        resource.Plural == "nodes" ? [.. KnownSets()] : base.KeysFor(resource, change);

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var set = context.Get(key);
        if (set is null || ObjectMeta.IsDeleting(set))
        {
            lock (_sets)
            {
                _sets.Remove(key);
            }

            return null;
        }

        var time = SimulatedTime.Of(context);
        var shape = DaemonSetShape.Of(set);
        var updateRevision = RevisionHistory.Ensure(context, set, "DaemonSet");
        var nodes = EligibleNodes(context, shape);
        var pods = new DaemonSetPods(PodsOf(key, set), updateRevision);
        var changed = pods.Step(shape, nodes, time);
        var next = Status(set, pods.Pods, nodes.Count, updateRevision, time.Now);
        if (!JsonNode.DeepEquals(JsonTree.Existing(set, "status"), next))
        {
            context.UpdateStatus(key, s => s["status"] = next);
        }

        RevisionHistory.Trim(context, set, new HashSet<string>(pods.Pods.Values.Select(p => p.Revision).Append(updateRevision), StringComparer.Ordinal));
        return changed ? TimeSpan.Zero : time.UntilEarliest(pods.Pods.Values.SelectMany(p => p.Moments));
    }

    private IEnumerable<ObjectKey> KnownSets()
    {
        lock (_sets)
        {
            return [.. _sets.Keys];
        }
    }

    private static List<string> EligibleNodes(ControllerContext context, DaemonSetShape shape) =>
        [.. context.List(context.Resource("", "nodes"), null)
            .Where(n => !ObjectMeta.IsDeleting(n) && Conditions.IsTrue(JsonTree.Existing(n, "status"), "Ready"))
            .Where(n => shape.NodeSelector.All(s => ObjectMeta.Labels(n).TryGetValue(s.Key, out var v) && v == s.Value))
            .Select(ObjectMeta.Name)
            .Order(StringComparer.Ordinal)];

    private Dictionary<string, SimulatedPod> PodsOf(ObjectKey key, JsonObject set)
    {
        var uid = ObjectMeta.Uid(set) ?? string.Empty;
        lock (_sets)
        {
            if (!_sets.TryGetValue(key, out var entry) || entry.Uid != uid)
            {
                entry = (uid, new Dictionary<string, SimulatedPod>(StringComparer.Ordinal));
                _sets[key] = entry;
            }

            return entry.Pods;
        }
    }

    private static JsonObject Status(JsonObject set, Dictionary<string, SimulatedPod> pods, int desired, string updateRevision, DateTimeOffset now)
    {
        var available = pods.Values.Count(p => p.CountsAvailable(now));
        var status = new JsonObject
        {
            ["currentNumberScheduled"] = pods.Count,
            ["desiredNumberScheduled"] = desired,
            ["numberAvailable"] = available,
            ["numberMisscheduled"] = 0,
            ["numberReady"] = pods.Values.Count(p => p.CountsReady(now)),
            ["observedGeneration"] = ObjectMeta.Generation(set),
            ["updatedNumberScheduled"] = pods.Values.Count(p => p.Revision == updateRevision),
        };
        if (desired > available)
        {
            status["numberUnavailable"] = desired - available;
        }

        return status;
    }
}
