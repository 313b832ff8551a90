using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>A parsed fieldSelector: metadata.name and metadata.namespace for every type, plus the few fields some
/// built-in types add (pods by node and phase, secrets by type...), with =, == and !=.</summary>
internal sealed record FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> Terms)
{
    public static readonly FieldSelector Everything = new([]);

    private static readonly Dictionary<string, string[]> ExtraFields = new(StringComparer.Ordinal)
    {
        ["/pods"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"],
        ["/secrets"] = ["type"],
        ["/namespaces"] = ["status.phase"],
        ["/nodes"] = ["spec.unschedulable"],
        ["/events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["apps/replicasets"] = ["status.replicas"],
        ["batch/jobs"] = ["status.successful"],
    };

    public bool IsEmpty => Terms.Count == 0;

    public static FieldSelector Parse(string? text, ApiResource resource)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var part in text.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var (field, equal, value) = Split(part);
            var known = ExtraFields.GetValueOrDefault(resource.StorageKey) ?? [];
            if (field is not ("metadata.name" or "metadata.namespace") && !known.Contains(field))
            {
                throw StatusFactory.BadRequest($"\"{field}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }

            terms.Add((field, equal, value));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => Terms.All(t => (Read(obj, t.Field) == t.Value) == t.Equal);

    private static (string Field, bool Equal, string Value) Split(string term)
    {
        foreach (var (op, equal) in new[] { ("!=", false), ("==", true), ("=", true) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (term[..at].Trim(), equal, term[(at + op.Length)..].Trim());
            }
        }

        throw StatusFactory.BadRequest($"invalid selector: '{term}'; can't understand '{term}'");
    }

    private static string Read(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var step in path.Split('.'))
        {
            node = node is JsonObject map ? map[step] : null;
        }

        return node switch
        {
            null => string.Empty,
            JsonValue value when value.TryGetValue(out string? text) => text,
            _ => node.ToJsonString(),
        };
    }
}
