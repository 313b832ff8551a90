using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>
/// The claims of a StatefulSet's pods: <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c> from each
/// volumeClaimTemplate, labelled with the template's and the selector's labels, owned by the set only when
/// persistentVolumeClaimRetentionPolicy.whenDeleted is Delete. Claims outlive scale-downs, as upstream.
/// </summary>
internal static class StatefulSetClaims
{
    public static void Ensure(ControllerContext context, JsonObject set, IEnumerable<int> ordinals)
    {
        var spec = JsonTree.Existing(set, "spec");
        var templates = JsonTree.Items(spec, "volumeClaimTemplates").Select(t => t.Item).ToList();
        if (templates.Count == 0)
        {
            return;
        }

        var resource = context.Resource("", "persistentvolumeclaims");
        var ns = ObjectMeta.Namespace(set);
        foreach (var ordinal in ordinals)
        {
            foreach (var template in templates)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{JsonTree.Name(template)}-{ObjectMeta.Name(set)}-{ordinal}");
                if (context.Store.Get(resource, ns, name) is null)
                {
                    context.Create(resource, Claim(set, template, name));
                }
            }
        }
    }

    private static JsonObject Claim(JsonObject set, JsonObject template, string name)
    {
        var spec = JsonTree.Existing(set, "spec");
        var templateMeta = JsonTree.Metadata(template);
        var labels = new JsonObject();
        var selectorLabels = JsonTree.StringMap(JsonTree.Existing(JsonTree.Existing(spec, "selector"), "matchLabels"));
        foreach (var (key, value) in JsonTree.StringMap(JsonTree.Existing(templateMeta, "labels")).Concat(selectorLabels))
        {
            labels[key] = value;
        }

        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ObjectMeta.Namespace(set), ["labels"] = labels };
        if (JsonTree.Existing(templateMeta, "annotations") is { } annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        if (JsonTree.Text(JsonTree.Existing(spec, "persistentVolumeClaimRetentionPolicy"), "whenDeleted") == "Delete")
        {
            metadata["ownerReferences"] = Owners.ControllerReference(set, "apps/v1", "StatefulSet");
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
