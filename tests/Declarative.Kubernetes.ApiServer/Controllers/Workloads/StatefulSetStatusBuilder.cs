using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// StatefulSetStatus from the simulated pods. Under RollingUpdate, once every pod runs the update revision and is
/// ready, currentRevision becomes the update revision (completeRollingUpdate); under OnDelete it stays.
/// </summary>
internal static class StatefulSetStatusBuilder
{
    public static JsonObject Build(JsonObject set, StatefulSetShape shape, SortedDictionary<int, SimulatedPod> pods, string currentRevision, string updateRevision, DateTimeOffset now)
    {
        var replicas = pods.Count;
        var ready = pods.Values.Count(p => p.IsReady(now));
        var updated = pods.Values.Count(p => p.Revision == updateRevision);
        if (shape.RollingUpdate && updated == replicas && ready == replicas && replicas == shape.Replicas)
        {
            currentRevision = updateRevision;
        }

        var currentCount = pods.Values.Count(p => p.Revision == currentRevision);
        return new JsonObject
        {
            ["availableReplicas"] = pods.Values.Count(p => p.IsAvailable(now)),
            ["collisionCount"] = 0,
            ["currentReplicas"] = currentCount,
            ["currentRevision"] = currentRevision,
            ["observedGeneration"] = ObjectMeta.Generation(set),
            ["readyReplicas"] = ready,
            ["replicas"] = replicas,
            ["updateRevision"] = updateRevision,
            ["updatedReplicas"] = updated,
        };
    }
}
