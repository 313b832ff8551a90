namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// One step of the StatefulSet controller over its simulated pods, keyed by ordinal: scale down from the highest
/// ordinal, create missing pods (OrderedReady: one at a time, each after every lower one is ready; Parallel: all
/// at once), then under RollingUpdate replace one outdated pod at a time from the highest ordinal down to the
/// partition, only while every pod is ready. OnDelete never replaces a pod.
/// </summary>
internal sealed class StatefulSetPods(SortedDictionary<int, SimulatedPod> pods, string currentRevision, string updateRevision)
{
    public SortedDictionary<int, SimulatedPod> Pods => pods;

    /// <summary>Advances one step; true when it changed a pod.</summary>
    public bool Step(StatefulSetShape shape, SimulatedTime time)
    {
        var now = time.Now;
        return ScaleDown(shape, now) || CreateMissing(shape, time) || RollOne(shape, time);
    }

    public bool AllReady(DateTimeOffset now) => pods.Values.All(p => p.IsReady(now));

    private bool ScaleDown(StatefulSetShape shape, DateTimeOffset now)
    {
        var excess = pods.Keys.Where(o => o < shape.Start || o >= shape.End).OrderDescending().ToList();
        if (excess.Count == 0 || (!shape.Parallel && !AllReady(now)))
        {
            return false;
        }

        foreach (var ordinal in shape.Parallel ? excess : excess.Take(1))
        {
            pods.Remove(ordinal);
        }

        return true;
    }

    private bool CreateMissing(StatefulSetShape shape, SimulatedTime time)
    {
        var created = false;
        for (var ordinal = shape.Start; ordinal < shape.End; ordinal++)
        {
            if (pods.ContainsKey(ordinal))
            {
                continue;
            }

            if (!shape.Parallel && pods.Where(p => p.Key < ordinal).Any(p => !p.Value.IsReady(time.Now)))
            {
                return created;
            }

            pods[ordinal] = SimulatedPod.Start(RevisionFor(shape, ordinal), shape.Fails, time, shape.MinReadySeconds);
            created = true;
            if (!shape.Parallel)
            {
                return true;
            }
        }

        return created;
    }

    /// <summary>newVersionedStatefulSetPod: below the partition a pod is made from the current revision.</summary>
    private string RevisionFor(StatefulSetShape shape, int ordinal) =>
        shape.RollingUpdate && ordinal < shape.Start + shape.Partition ? currentRevision : updateRevision;

    private bool RollOne(StatefulSetShape shape, SimulatedTime time)
    {
        if (!shape.RollingUpdate || !AllReady(time.Now))
        {
            return false;
        }

        var outdated = pods.Keys.Where(o => o >= shape.Start + shape.Partition && pods[o].Revision != updateRevision).OrderDescending().ToList();
        if (outdated.Count == 0)
        {
            return false;
        }

        pods[outdated[0]] = SimulatedPod.Start(updateRevision, shape.Fails, time, shape.MinReadySeconds);
        return true;
    }
}
