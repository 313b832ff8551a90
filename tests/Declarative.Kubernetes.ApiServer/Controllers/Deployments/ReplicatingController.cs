using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>
/// What ReplicaSets and ReplicationControllers share: simulated pods. Pods are created at once when the object
/// wants more (newest removed first when it wants fewer); a pod is ready <see cref="ReadyAfter"/> (simulated)
/// after its creation and available <c>minReadySeconds</c> later, unless its template's image cannot be pulled
/// (<see cref="ImagePull"/>). Status follows the pods as the real controllers write it.
/// </summary>
public abstract class ReplicatingController : Controller
{
    /// <summary>How long a simulated pod takes from creation to ready, before the time scale.</summary>
    public static readonly TimeSpan ReadyAfter = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private readonly Dictionary<ObjectKey, SimulatedPods> _pods = [];

    public override string Name => "kube-controller-manager";

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var owner = context.Get(key);
        if (owner is null)
        {
            _pods.Remove(key);
            return null;
        }

        var uid = ObjectMeta.Uid(owner) ?? string.Empty;
        if (!_pods.TryGetValue(key, out var pods) || pods.Uid != uid)
        {
            pods = new SimulatedPods(uid);
            _pods[key] = pods;
        }

        var spec = JsonTree.Existing(owner, "spec");
        var now = context.Now;
        pods.ScaleTo((int)(JsonTree.Number(spec, "replicas") ?? 1), now);
        var scale = context.State.Options.TimeScale;
        var readyAfter = ReadyAfter * scale;
        var availableAfter = readyAfter + (TimeSpan.FromSeconds(JsonTree.Number(spec, "minReadySeconds") ?? 0) * scale);
        var failing = ImagePull.Fails(JsonTree.Existing(spec, "template"));
        var ready = failing ? 0 : pods.CountOlderThan(now, readyAfter);
        var available = failing ? 0 : pods.CountOlderThan(now, availableAfter);
        var status = Status(owner, pods.Count, ready, available);
        if (!JsonNode.DeepEquals(owner["status"], status))
        {
            context.UpdateStatus(key, next => next["status"] = status.DeepClone());
        }

        if (failing || scale <= 0)
        {
            return null;
        }

        var nextChange = pods.NextMaturity(now, readyAfter, availableAfter);
        return nextChange is { } wait ? Max(wait / scale, MinimumWait) : null;
    }

    /// <summary>The status of a ReplicaSet or ReplicationController: <c>replicas</c> always, the other counters
    /// only when non-zero (Go's omitempty), conditions kept.</summary>
    private static JsonObject Status(JsonObject owner, int replicas, int ready, int available)
    {
        var status = new JsonObject { ["replicas"] = replicas };
        AddNonZero(status, "fullyLabeledReplicas", replicas);
        AddNonZero(status, "readyReplicas", ready);
        AddNonZero(status, "availableReplicas", available);
        AddNonZero(status, "observedGeneration", ObjectMeta.Generation(owner));
        if (owner["status"]?["conditions"] is { } conditions)
        {
            status["conditions"] = conditions.DeepClone();
        }

        return status;
    }

    private static void AddNonZero(JsonObject status, string field, long value)
    {
        if (value != 0)
        {
            status[field] = value;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class SimulatedPods(string uid)
    {
        private readonly List<DateTimeOffset> _created = [];

        public string Uid => uid;

        public int Count => _created.Count;

        public void ScaleTo(int replicas, DateTimeOffset now)
        {
            while (_created.Count < Math.Max(0, replicas))
            {
                _created.Add(now);
            }

            // Like the real controllers, the youngest (least ready) pods go first.
            _created.Sort();
            while (_created.Count > Math.Max(0, replicas))
            {
                _created.RemoveAt(_created.Count - 1);
            }
        }

        public int CountOlderThan(DateTimeOffset now, TimeSpan age) => _created.Count(created => now - created >= age);

        /// <summary>How long until the next pod becomes ready or available; null when every pod is.</summary>
        public TimeSpan? NextMaturity(DateTimeOffset now, TimeSpan readyAfter, TimeSpan availableAfter)
        {
            var pending = _created
                .SelectMany(created => new[] { created + readyAfter, created + availableAfter })
                .Where(at => at > now)
                .ToList();
            return pending.Count == 0 ? null : pending.Min() - now;
        }
    }
}
