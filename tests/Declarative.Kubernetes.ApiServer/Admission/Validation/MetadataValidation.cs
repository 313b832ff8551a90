using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>ValidateObjectMeta: the name (by the kind's rule), label keys and values, annotation keys.</summary>
internal static class MetadataValidation
{
    public static IEnumerable<StatusCause> Validate(ApiResource resource, JsonObject obj)
    {
        var metadata = JsonTree.Metadata(obj);
        var name = JsonTree.Text(metadata, "name") ?? string.Empty;
        var causes = new List<StatusCause>();
        if (name.Length == 0)
        {
            // A generateName is turned into a name by storage; only a body with neither is short of one.
            if (string.IsNullOrEmpty(JsonTree.Text(metadata, "generateName")))
            {
                causes.Add(new StatusCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name"));
            }
        }
        else
        {
            causes.AddRange(NameRule(resource)(name).Select(m => StatusCause.InvalidValue("metadata.name", ValueText.Render(name), m)));
        }

        causes.AddRange(Labels(JsonTree.Existing(metadata, "labels"), "metadata.labels"));
        causes.AddRange(AnnotationKeys(JsonTree.Existing(metadata, "annotations")));
        return causes;
    }

    public static IEnumerable<StatusCause> Labels(JsonObject? labels, string field)
    {
        foreach (var (key, value) in JsonTree.StringMap(labels))
        {
            foreach (var message in NameRules.QualifiedName(key))
            {
                yield return StatusCause.InvalidValue(field, ValueText.Render(key), message);
            }

            foreach (var message in NameRules.LabelValue(value))
            {
                yield return StatusCause.InvalidValue(field, ValueText.Render(value), message);
            }
        }
    }

    private static IEnumerable<StatusCause> AnnotationKeys(JsonObject? annotations) =>
        (annotations ?? []).SelectMany(pair => NameRules.QualifiedName(pair.Key.ToLowerInvariant())
            .Select(m => StatusCause.InvalidValue("metadata.annotations", ValueText.Render(pair.Key), m)));

    private static Func<string, IEnumerable<string>> NameRule(ApiResource resource) => (resource.Group, resource.Kind) switch
    {
        ("", "Namespace") => NameRules.Dns1123Label,
        ("", "Service") => NameRules.Dns1035Label,
        ("rbac.authorization.k8s.io", _) => NameRules.PathSegment,
        _ => NameRules.Dns1123Subdomain,
    };
}
