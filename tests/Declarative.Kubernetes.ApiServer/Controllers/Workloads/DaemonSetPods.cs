namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// One step of the DaemonSet controller over its simulated pods, one per eligible node: pods leave nodes that
/// went away, every eligible node without one gets one at once, and under RollingUpdate outdated pods are replaced
/// within maxUnavailable (delete first) or maxSurge (the old pod serves until its replacement is available).
/// OnDelete never replaces a pod.
/// </summary>
internal sealed class DaemonSetPods(Dictionary<string, SimulatedPod> pods, string updateRevision)
{
    public Dictionary<string, SimulatedPod> Pods => pods;

    public bool Step(DaemonSetShape shape, IReadOnlyList<string> nodes, SimulatedTime time)
    {
        var changed = false;
        foreach (var gone in pods.Keys.Where(n => !nodes.Contains(n)).ToList())
        {
            changed |= pods.Remove(gone);
        }

        foreach (var node in nodes.Where(n => !pods.ContainsKey(n)))
        {
            pods[node] = SimulatedPod.Start(updateRevision, shape.Fails, time, shape.MinReadySeconds);
            changed = true;
        }

        return (shape.RollingUpdate && Roll(shape, nodes, time)) || changed;
    }

    private bool Roll(DaemonSetShape shape, IReadOnlyList<string> nodes, SimulatedTime time)
    {
        var now = time.Now;
        var outdated = nodes.Where(n => pods[n].Revision != updateRevision).ToList();
        if (outdated.Count == 0)
        {
            return false;
        }

        var surge = DaemonSetShape.Resolve(shape.MaxSurge, nodes.Count, 0);
        var budget = surge > 0
            ? surge - nodes.Count(n => pods[n].Revision == updateRevision && !pods[n].IsAvailable(now))
            : Math.Max(1, DaemonSetShape.Resolve(shape.MaxUnavailable, nodes.Count, 1)) - nodes.Count(n => !pods[n].CountsAvailable(now));
        foreach (var node in outdated.Take(Math.Max(0, budget)))
        {
            pods[node] = SimulatedPod.Start(updateRevision, shape.Fails, time, shape.MinReadySeconds, servesFromOld: surge > 0 && pods[node].IsAvailable(now));
        }

        return budget > 0;
    }
}
