namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// Converts between simulated durations (what a real cluster would take) and the real clock the store stamps.
/// Moments are kept in real time (now + simulated x TimeScale); a Reconcile returns simulated delays, which the
/// manager scales back.
/// </summary>
internal readonly record struct SimulatedTime(DateTimeOffset Now, double Scale)
{
    /// <summary>A pod's container becomes ready this long after it is created.</summary>
    public static readonly TimeSpan ReadyDelay = TimeSpan.FromSeconds(1);

    /// <summary>The shortest wait returned, so that a controller never spins.</summary>
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(5);

    public static SimulatedTime Of(ControllerContext context) => new(context.Now, context.State.Options.TimeScale);

    /// <summary>The real moment a simulated <paramref name="duration"/> from now.</summary>
    public DateTimeOffset After(TimeSpan duration) => Now + (duration * Scale);

    /// <summary>The simulated delay until the real <paramref name="moment"/>, never below a few milliseconds of
    /// real time.</summary>
    public TimeSpan Until(DateTimeOffset moment)
    {
        var real = moment - Now;
        if (real < MinimumWait)
        {
            real = MinimumWait;
        }

        return Scale <= 0 ? TimeSpan.Zero : real / Scale;
    }

    /// <summary>The earliest of <paramref name="moments"/> still ahead, as a simulated delay; null when none is.</summary>
    public TimeSpan? UntilEarliest(IEnumerable<DateTimeOffset> moments)
    {
        var now = Now;
        var ahead = moments.Where(m => m > now).ToList();
        return ahead.Count == 0 ? null : Until(ahead.Min());
    }
}
