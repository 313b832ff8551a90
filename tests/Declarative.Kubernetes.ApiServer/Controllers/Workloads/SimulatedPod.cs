namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// A pod the double pretends runs (no Pod object exists): the revision it was made from, and the real moments it
/// becomes ready and available. A pod of a failing image never does. <see cref="ServesFromOld"/> marks a surge
/// replacement whose old pod keeps serving until the new one is available.
/// </summary>
internal sealed record SimulatedPod(string Revision, DateTimeOffset ReadyAt, DateTimeOffset AvailableAt, bool Fails, bool ServesFromOld = false)
{
    public static SimulatedPod Start(string revision, bool fails, SimulatedTime time, long minReadySeconds, bool servesFromOld = false)
    {
        var ready = time.After(SimulatedTime.ReadyDelay);
        return new SimulatedPod(revision, ready, time.After(SimulatedTime.ReadyDelay + TimeSpan.FromSeconds(minReadySeconds)), fails, servesFromOld);
    }

    public bool IsReady(DateTimeOffset now) => !Fails && now >= ReadyAt;

    public bool IsAvailable(DateTimeOffset now) => !Fails && now >= AvailableAt;

    /// <summary>Ready, or covered by the old pod it replaces.</summary>
    public bool CountsReady(DateTimeOffset now) => IsReady(now) || (ServesFromOld && !IsAvailable(now));

    public bool CountsAvailable(DateTimeOffset now) => IsAvailable(now) || ServesFromOld;

    /// <summary>The moments still ahead at which this pod changes state.</summary>
    public IEnumerable<DateTimeOffset> Moments => Fails ? [] : [ReadyAt, AvailableAt];
}
