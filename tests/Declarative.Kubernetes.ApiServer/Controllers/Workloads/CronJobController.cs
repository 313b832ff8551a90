using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The CronJob controller: a Job <c>&lt;cronjob&gt;-&lt;minutes since epoch&gt;</c> when the schedule falls due
/// between the last schedule time (or the CronJob's creation) and now, on the wall clock (TimeScale does not apply
/// to schedules); concurrencyPolicy Forbid skips a run while one is active, Replace deletes the active ones; then
/// lastScheduleTime, active references, lastSuccessfulTime, and the jobs history limits.
/// </summary>
public sealed class CronJobController : Controller
{
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    public override string Name => "cronjob-controller";

    public override IReadOnlyList<(string Group, string Plural)> Watches => [("batch", "cronjobs"), ("batch", "jobs")];

    public override IEnumerable<ObjectKey> KeysFor(ApiResource resource, WatchEvent change)
    {
        if (resource.Plural == "cronjobs")
        {
            return base.KeysFor(resource, change);
        }

        return Owners.ControllerName(change.Object, "CronJob") is { } owner
            ? [new ObjectKey("batch", "cronjobs", ObjectMeta.Namespace(change.Object), owner)]
            : [];
    }

    public override TimeSpan? Reconcile(ObjectKey key, ControllerContext context)
    {
        var cronJob = context.Get(key);
        if (cronJob is null || ObjectMeta.IsDeleting(cronJob))
        {
            return null;
        }

        var spec = JsonTree.Existing(cronJob, "spec");
        var status = (JsonObject?)JsonTree.Existing(cronJob, "status")?.DeepClone() ?? [];
        var jobs = new CronJobHistory(context, cronJob);
        jobs.Refresh(status);
        var schedule = CronSchedule.Parse(JsonTree.Text(spec, "schedule") ?? string.Empty);
        var zone = Zone(JsonTree.Text(spec, "timeZone"));
        TimeSpan? wait = null;
        if (schedule is not null && JsonTree.Flag(spec, "suspend") != true)
        {
            var since = Parse(JsonTree.Text(status, "lastScheduleTime")) ?? Parse(ObjectMeta.Text(cronJob, "creationTimestamp")) ?? context.Now;
            if (schedule.LatestDue(since, context.Now, zone) is { } due)
            {
                Run(context, cronJob, jobs, status, due);
            }

            wait = schedule.Next(context.Now, zone) is { } next ? SimulatedTime.Of(context).Until(next) : null;
        }

        jobs.Trim(spec);
        if (!JsonNode.DeepEquals(JsonTree.Existing(cronJob, "status"), status))
        {
            context.UpdateStatus(key, c => c["status"] = status);
        }

        return wait;
    }

    private static void Run(ControllerContext context, JsonObject cronJob, CronJobHistory jobs, JsonObject status, DateTimeOffset due)
    {
        var policy = JsonTree.Text(JsonTree.Existing(cronJob, "spec"), "concurrencyPolicy") ?? "Allow";
        if (policy == "Forbid" && jobs.Active(status).Any())
        {
            return;
        }

        if (policy == "Replace")
        {
            jobs.DeleteActive(status);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{ObjectMeta.Name(cronJob)}-{due.ToUnixTimeSeconds() / 60}");
        var job = context.Create(context.Resource("batch", "jobs"), CronJobHistory.NewJob(cronJob, name, due))
            ?? context.Get(new ObjectKey("batch", "jobs", ObjectMeta.Namespace(cronJob), name));
        if (job is not null)
        {
            jobs.AddActive(status, job);
        }

        status["lastScheduleTime"] = ObjectMeta.Timestamp(due);
    }

    private static TimeZoneInfo Zone(string? id)
    {
        try
        {
            return id is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static DateTimeOffset? Parse(string? timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
