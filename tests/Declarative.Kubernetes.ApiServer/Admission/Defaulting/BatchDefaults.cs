using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>batch/v1 defaults (kubernetes pkg/apis/batch/v1/defaults.go) and the Job selector the Job strategy
/// generates from the object's uid.</summary>
internal static class BatchDefaults
{
    private const string ControllerUid = "controller-uid";
    private const string JobName = "job-name";
    private const string Prefix = "batch.kubernetes.io/";

    public static void Job(JsonObject job)
    {
        if (JsonTree.Child(job, "spec") is not { } spec)
        {
            return;
        }

        if (JsonTree.IsAbsent(spec, "completions") && JsonTree.IsAbsent(spec, "parallelism"))
        {
            spec["completions"] = 1;
        }

        JsonTree.Default(spec, "parallelism", 1);
        JsonTree.Default(spec, "backoffLimit", 6);
        JsonTree.Default(spec, "completionMode", "NonIndexed");
        JsonTree.Default(spec, "suspend", false);
        CopyTemplateLabels(job, spec);
        JsonTree.Default(spec, "podReplacementPolicy", "TerminatingOrFailed");
        PodSpecDefaults.ApplyToTemplate(JsonTree.Existing(spec, "template"));
    }

    public static void CronJob(JsonObject spec)
    {
        JsonTree.Default(spec, "concurrencyPolicy", "Allow");
        JsonTree.Default(spec, "suspend", false);
        JsonTree.Default(spec, "successfulJobsHistoryLimit", 3);
        JsonTree.Default(spec, "failedJobsHistoryLimit", 1);
        var jobSpec = JsonTree.Existing(JsonTree.Existing(spec, "jobTemplate"), "spec");
        PodSpecDefaults.ApplyToTemplate(JsonTree.Existing(jobSpec, "template"));
    }

    /// <summary>Unless spec.manualSelector is true: spec.selector matches the uid, and the template carries the
    /// controller-uid and job-name labels, each also with the batch.kubernetes.io/ prefix.</summary>
    public static void GenerateSelector(JsonObject job, string uid)
    {
        var spec = JsonTree.Existing(job, "spec");
        if (spec is null || JsonTree.Flag(spec, "manualSelector") == true)
        {
            return;
        }

        var name = JsonTree.Name(job);
        var objectLabels = JsonTree.Existing(JsonTree.Metadata(job), "labels");
        var templateLabels = JsonTree.Existing(JsonTree.Existing(JsonTree.Existing(spec, "template"), "metadata"), "labels");

        // Go's SetDefaults_Job shares the template's label map with the object, so labels copied from the
        // template also receive the generated ones; a Job without labels gets them when storage decodes (and
        // defaults) it again, so every read shows them.
        var shared = objectLabels is not { Count: > 0 } || JsonNode.DeepEquals(objectLabels, templateLabels);
        if (JsonTree.Child(spec, "template") is { } template && JsonTree.Child(template, "metadata") is { } metadata
            && JsonTree.Child(metadata, "labels") is { } labels)
        {
            labels[Prefix + ControllerUid] = uid;
            labels[Prefix + JobName] = name;
            labels[ControllerUid] = uid;
            labels[JobName] = name;
        }

        JsonTree.Default(spec, "selector", new JsonObject { ["matchLabels"] = new JsonObject { [Prefix + ControllerUid] = uid } });
        var generated = JsonTree.Existing(JsonTree.Existing(JsonTree.Existing(spec, "template"), "metadata"), "labels");
        if (shared && generated is not null && JsonTree.Metadata(job) is { } objectMetadata)
        {
            objectMetadata["labels"] = generated.DeepClone();
        }
    }

    private static void CopyTemplateLabels(JsonObject job, JsonObject spec)
    {
        var templateLabels = JsonTree.Existing(JsonTree.Existing(JsonTree.Existing(spec, "template"), "metadata"), "labels");
        if (templateLabels is null || JsonTree.Child(job, "metadata") is not { } metadata)
        {
            return;
        }

        if (JsonTree.Existing(metadata, "labels") is not { Count: > 0 })
        {
            metadata["labels"] = templateLabels.DeepClone();
        }
    }
}
