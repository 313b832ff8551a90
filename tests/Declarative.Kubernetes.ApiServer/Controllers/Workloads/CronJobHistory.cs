using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>The Jobs a CronJob owns: its status.active references, finished runs and the history limits.</summary>
internal sealed class CronJobHistory(ControllerContext context, JsonObject cronJob)
{
    private readonly string? _namespace = ObjectMeta.Namespace(cronJob);

    public static JsonObject NewJob(JsonObject cronJob, string name, DateTimeOffset due)
    {
        var template = JsonTree.Existing(JsonTree.Existing(cronJob, "spec"), "jobTemplate");
        var metadata = (JsonObject?)JsonTree.Metadata(template ?? [])?.DeepClone() ?? [];
        metadata["name"] = name;
        metadata["namespace"] = ObjectMeta.Namespace(cronJob);
        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }

        annotations[CronJobController.ScheduledTimestampAnnotation] = due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        metadata["ownerReferences"] = Owners.ControllerReference(cronJob, "batch/v1", "CronJob");
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = template?["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    public IEnumerable<JsonObject> Active(JsonObject status) =>
        JsonTree.Items(status, "active").Select(a => a.Item);

    public void AddActive(JsonObject status, JsonObject job)
    {
        if (status["active"] is not JsonArray active)
        {
            active = [];
            status["active"] = active;
        }

        active.Add(new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["name"] = ObjectMeta.Name(job),
            ["namespace"] = ObjectMeta.Namespace(job),
            ["resourceVersion"] = ObjectMeta.ResourceVersion(job),
            ["uid"] = ObjectMeta.Uid(job),
        });
    }

    /// <summary>Drops references to Jobs that finished or are gone; records the latest success.</summary>
    public void Refresh(JsonObject status)
    {
        var kept = new JsonArray();
        foreach (var reference in Active(status).ToList())
        {
            var job = Job(JsonTree.Text(reference, "name") ?? string.Empty);
            var jobStatus = job is null ? null : JsonTree.Existing(job, "status");
            if (job is not null && !Finished(jobStatus))
            {
                kept.Add(reference.DeepClone());
            }

            if (Conditions.IsTrue(jobStatus, "Complete") && JsonTree.Text(jobStatus, "completionTime") is { } completed
                && string.CompareOrdinal(completed, JsonTree.Text(status, "lastSuccessfulTime")) > 0)
            {
                status["lastSuccessfulTime"] = completed;
            }
        }

        if (kept.Count == 0)
        {
            status.Remove("active");
        }
        else
        {
            status["active"] = kept;
        }
    }

    public void DeleteActive(JsonObject status)
    {
        foreach (var reference in Active(status))
        {
            context.Delete(new ObjectKey("batch", "jobs", _namespace, JsonTree.Text(reference, "name") ?? string.Empty));
        }

        status.Remove("active");
    }

    /// <summary>successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1): the oldest finished Jobs go.</summary>
    public void Trim(JsonObject? spec)
    {
        var owned = context.List(context.Resource("batch", "jobs"), _namespace).Where(j => Owners.IsControlledBy(j, cronJob)).ToList();
        TrimFinished(owned, "Complete", JsonTree.Number(spec, "successfulJobsHistoryLimit") ?? 3);
        TrimFinished(owned, "Failed", JsonTree.Number(spec, "failedJobsHistoryLimit") ?? 1);
    }

    private void TrimFinished(List<JsonObject> owned, string condition, long limit)
    {
        var finished = owned.Where(j => Conditions.IsTrue(JsonTree.Existing(j, "status"), condition))
            .OrderBy(j => JsonTree.Text(JsonTree.Existing(j, "status"), "startTime"), StringComparer.Ordinal)
            .ThenBy(ObjectMeta.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var job in finished.Take(Math.Max(0, finished.Count - (int)limit)))
        {
            context.Delete(new ObjectKey("batch", "jobs", _namespace, ObjectMeta.Name(job)));
        }
    }

    private JsonObject? Job(string name) => context.Get(new ObjectKey("batch", "jobs", _namespace, name));

    private static bool Finished(JsonObject? status) => Conditions.IsTrue(status, "Complete") || Conditions.IsTrue(status, "Failed");
}
