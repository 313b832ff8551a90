using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// The validation rules a replacement is checked against before anything is deleted, where they are known without
/// asking the server (kubernetes pkg/apis/apps/validation, batch/validation): a workload's selector has to select
/// its own pod template. The words are the server's, so the message reads the same either way.
/// </summary>
internal static class ReplacementRules
{
    private static readonly FrozenSet<string> PodControllers = FrozenSet.Create(StringComparer.Ordinal, "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    /// <summary>What the server would refuse in <paramref name="obj"/> ("spec.selector: Required value"), or null.</summary>
    public static string? Refusal(JsonObject obj)
    {
        var type = new ResourceType(JsonText.At(obj, "/apiVersion") ?? string.Empty, JsonText.At(obj, "/kind") ?? string.Empty);
        var spec = obj["spec"] as JsonObject;
        var selector = spec?["selector"] as JsonObject;
        var labels = spec?["template"]?["metadata"]?["labels"] as JsonObject;
        return (type.Group, type.Kind) switch
        {
            ("apps", var kind) when PodControllers.Contains(kind) && selector is null => "spec.selector: Required value",
            ("apps", var kind) when PodControllers.Contains(kind) => Mismatch(selector!, labels),

            // A Job's selector is generated unless manualSelector says it is written by hand.
            ("batch", "Job") when selector is not null && spec!["manualSelector"] is JsonValue manual && manual.TryGetValue(out bool isManual) && isManual => Mismatch(selector, labels),
            _ => null,
        };
    }

    private static string? Mismatch(JsonObject selector, JsonObject? labels) => LabelSelector.Matches(selector, labels)
        ? null
        : $"spec.template.metadata.labels: Invalid value: {labels?.ToJsonString() ?? "null"}: `selector` does not match template `labels`";
}
