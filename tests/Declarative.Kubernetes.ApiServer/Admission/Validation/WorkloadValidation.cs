using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>The spec checks of controllers that own pods (kubernetes pkg/apis/apps/validation and
/// batch/validation): a selector that selects the template's pods, and the restart policies allowed.</summary>
internal static class WorkloadValidation
{
    /// <summary>Deployment, ReplicaSet, DaemonSet, StatefulSet: <paramref name="noun"/> is the kind in the
    /// empty-selector message ("deployment" for ReplicaSets too, as upstream words it).</summary>
    public static IEnumerable<StatusCause> ReplicatedSpec(JsonObject? spec, string noun)
    {
        var selector = JsonTree.Existing(spec, "selector");
        if (selector is null)
        {
            yield return StatusCause.Required("spec.selector");
        }
        else if (SelectorMatch.IsEmpty(selector))
        {
            yield return StatusCause.InvalidValue("spec.selector", ValueText.Render(selector), $"empty selector is invalid for {noun}");
        }

        foreach (var cause in TemplateMatchesSelector(selector, JsonTree.Existing(spec, "template"), "spec.template"))
        {
            yield return cause;
        }

        var policy = RestartPolicy(JsonTree.Existing(spec, "template"));
        if (policy != "Always")
        {
            yield return Causes.NotSupported("spec.template.spec.restartPolicy", policy, "Always");
        }
    }

    public static IEnumerable<StatusCause> JobSpec(JsonObject? spec, string path)
    {
        var template = JsonTree.Existing(spec, "template");
        if (JsonTree.Flag(spec, "manualSelector") == true)
        {
            var selector = JsonTree.Existing(spec, "selector");
            if (selector is null)
            {
                yield return StatusCause.Required($"{path}.selector");
            }

            foreach (var cause in TemplateMatchesSelector(selector, template, $"{path}.template"))
            {
                yield return cause;
            }
        }

        var policy = RestartPolicy(template);
        if (policy is not ("OnFailure" or "Never"))
        {
            yield return Causes.NotSupported($"{path}.template.spec.restartPolicy", policy, "OnFailure", "Never");
        }
    }

    private static IEnumerable<StatusCause> TemplateMatchesSelector(JsonObject? selector, JsonObject? template, string path)
    {
        if (template is null)
        {
            yield return StatusCause.Required(path);
            yield break;
        }

        var labels = JsonTree.Existing(JsonTree.Existing(template, "metadata"), "labels");
        if (!(selector is not null && SelectorMatch.IsEmpty(selector)) && !SelectorMatch.Matches(selector, labels))
        {
            yield return StatusCause.InvalidValue($"{path}.metadata.labels", ValueText.Render(labels), "`selector` does not match template `labels`");
        }

        foreach (var cause in MetadataValidation.Labels(labels, $"{path}.metadata.labels"))
        {
            yield return cause;
        }
    }

    private static string? RestartPolicy(JsonObject? template) => JsonTree.Text(JsonTree.Existing(template, "spec"), "restartPolicy");
}
