using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// Where a simulated Job is at a moment, from the moment it started. Its pods become ready after
/// <see cref="SimulatedTime.ReadyDelay"/> and all complete together <see cref="RunTime"/> after the start. Pods of
/// a failing image fail after the ready delay instead; the next attempt starts after the pod failure backoff
/// (10 s doubling, at most 6 min), and the Job fails when more than backoffLimit pods have failed.
/// </summary>
internal sealed record JobTimeline(int Parallelism, int Completions, int BackoffLimit, bool Fails)
{
    public static readonly TimeSpan RunTime = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(6);

    public static JobTimeline Of(JsonObject job)
    {
        var spec = JsonTree.Existing(job, "spec");
        var parallelism = (int)(JsonTree.Number(spec, "parallelism") ?? 1);
        var completions = (int)(JsonTree.Number(spec, "completions") ?? parallelism);
        return new JobTimeline(
            Math.Min(parallelism, completions),
            completions,
            (int)(JsonTree.Number(spec, "backoffLimit") ?? 6),
            ImageFailure.Fails(JsonTree.Existing(spec, "template")));
    }

    public JobProgress At(DateTimeOffset start, SimulatedTime time) => Fails ? Failing(start, time) : Succeeding(start, time);

    private JobProgress Succeeding(DateTimeOffset start, SimulatedTime time)
    {
        var readyAt = start + (SimulatedTime.ReadyDelay * time.Scale);
        var doneAt = start + (RunTime * time.Scale);
        if (time.Now >= doneAt)
        {
            return new JobProgress(0, 0, 0, Completions, JobOutcome.Succeeded, null);
        }

        var ready = time.Now >= readyAt;
        return new JobProgress(Parallelism, ready ? Parallelism : 0, 0, 0, JobOutcome.Running, ready ? doneAt : readyAt);
    }

    private JobProgress Failing(DateTimeOffset start, SimulatedTime time)
    {
        var attemptStart = start;
        for (var failed = 0; ; failed++)
        {
            var failsAt = attemptStart + (SimulatedTime.ReadyDelay * time.Scale);
            if (time.Now < attemptStart)
            {
                return new JobProgress(0, 0, failed, 0, JobOutcome.Running, attemptStart);
            }

            if (time.Now < failsAt)
            {
                return new JobProgress(1, 0, failed, 0, JobOutcome.Running, failsAt);
            }

            if (failed + 1 > BackoffLimit)
            {
                return new JobProgress(0, 0, failed + 1, 0, JobOutcome.Failed, null);
            }

            attemptStart = failsAt + (Backoff(failed + 1) * time.Scale);
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        var backoff = TimeSpan.FromSeconds(10 * Math.Pow(2, Math.Min(failures - 1, 10)));
        return backoff < MaxBackoff ? backoff : MaxBackoff;
    }
}
