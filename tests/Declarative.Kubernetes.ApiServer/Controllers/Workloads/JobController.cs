using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The Job controller of 1.32 (delayed terminal conditions): counters while pods run (see
/// <see cref="JobTimeline"/>), then SuccessCriteriaMet and Complete (CompletionsReached) with completionTime, or
/// FailureTarget and Failed (BackoffLimitExceeded). Suspended Jobs do not start.
/// </summary>
public sealed class JobController : Controller
{
    public const string CompletionsReached = "CompletionsReached";
    public const string CompletionsMessage = "Reached expected number of succeeded pods";
    public const string BackoffLimitExceeded = "BackoffLimitExceeded";
    public const string BackoffMessage = "Job has reached the specified backoff limit";

    private readonly Dictionary<ObjectKey, (string Uid, DateTimeOffset Start)> _starts = [];

    public override string Name => "job-controller";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [("batch", "jobs")];

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var job = context.Get(key);
        var status = job is null ? null : JsonTree.Existing(job, "status");
        if (job is null || ObjectMeta.IsDeleting(job) || Conditions.IsTrue(status, "Complete") || Conditions.IsTrue(status, "Failed"))
        {
            _starts.Remove(key);
            return null;
        }

        if (JsonTree.Flag(JsonTree.Existing(job, "spec"), "suspend") == true)
        {
            return null;
        }

        var time = SimulatedTime.Of(context);
        var progress = JobTimeline.Of(job).At(StartOf(key, job, time.Now), time);
        var startTime = JsonTree.Text(status, "startTime") ?? ObjectMeta.Timestamp(time.Now);
        var next = Counters(progress, startTime);
        switch (progress.Outcome)
        {
            case JobOutcome.Succeeded:
                Write(context, key, status, next, s => Conditions.SetJobCondition(s, "SuccessCriteriaMet", CompletionsReached, CompletionsMessage, time.Now));
                Write(context, key, null, next, s =>
                {
                    Conditions.SetJobCondition(s, "Complete", CompletionsReached, CompletionsMessage, time.Now);
                    s["completionTime"] = ObjectMeta.Timestamp(time.Now);
                });
                return null;
            case JobOutcome.Failed:
                Write(context, key, status, next, s => Conditions.SetJobCondition(s, "FailureTarget", BackoffLimitExceeded, BackoffMessage, time.Now));
                Write(context, key, null, next, s => Conditions.SetJobCondition(s, "Failed", BackoffLimitExceeded, BackoffMessage, time.Now));
                return null;
            default:
                Write(context, key, status, next, _ => { });
                return progress.Next is { } moment ? time.Until(moment) : null;
        }
    }

    private DateTimeOffset StartOf(ObjectKey key, JsonObject job, DateTimeOffset now)
    {
        var uid = ObjectMeta.Uid(job) ?? string.Empty;
        if (!_starts.TryGetValue(key, out var entry) || entry.Uid != uid)
        {
            entry = (uid, now);
            _starts[key] = entry;
        }

        return entry.Start;
    }

    /// <summary>JobStatus as Go serializes it: active/failed/succeeded omitted at 0, ready and terminating kept.</summary>
    private static JsonObject Counters(JobProgress progress, string startTime)
    {
        var status = new JsonObject();
        if (progress.Active > 0)
        {
            status["active"] = progress.Active;
        }

        if (progress.Failed > 0)
        {
            status["failed"] = progress.Failed;
        }

        status["ready"] = progress.Ready;
        status["startTime"] = startTime;
        if (progress.Succeeded > 0)
        {
            status["succeeded"] = progress.Succeeded;
        }

        status["terminating"] = 0;
        status["uncountedTerminatedPods"] = new JsonObject();
        return status;
    }

    /// <summary>Writes the counters plus the conditions kept so far and those <paramref name="finish"/> adds; skips
    /// a write that would change nothing.</summary>
    private static void Write(ControllerContext context, ObjectKey key, JsonObject? current, JsonObject counters, Action<JsonObject> finish)
    {
        context.UpdateStatus(key, job =>
        {
            var next = (JsonObject)counters.DeepClone();
            if (JsonTree.Existing(job, "status")?["conditions"] is JsonArray conditions)
            {
                next["conditions"] = conditions.DeepClone();
            }

            finish(next);
            if (current is null || !JsonNode.DeepEquals(current, next))
            {
                job["status"] = next;
            }
        });
    }
}
