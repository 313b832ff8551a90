using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// Volumes and networks: objects the engine cannot change once created. Their compared form is the document's
/// (name, ownership labels, spec with string map values); any change is a replace.
/// </summary>
internal static class SimpleObjects
{
    public static JsonObject Compared(string kind, string name, IDictionary<string, string>? labels, JsonObject spec)
    {
        var all = labels ?? new Dictionary<string, string>();
        spec["labels"] = new JsonObject(all.Where(l => !DockerLabels.IsDeclarative(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => KeyValuePair.Create<string, JsonNode?>(l.Key, l.Value)));
        return Document(kind, name, all, spec);
    }

    /// <summary>A document in compared form: scalars in maps as strings, as the engine keeps labels and options.</summary>
    public static JsonObject FromDocument(JsonObject document)
    {
        var spec = (document["spec"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        foreach (var (key, value) in spec.ToList())
        {
            if (value is JsonObject map)
            {
                spec[key] = new JsonObject(map.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, Scalars.Text(p.Value) ?? string.Empty)));
            }
        }

        var labels = (document["metadata"]?["labels"] as JsonObject ?? []).ToDictionary(l => l.Key, l => JsonText.Of(l.Value) ?? string.Empty, StringComparer.Ordinal);
        return Document(JsonText.At(document, "/kind") ?? string.Empty, JsonText.At(document, "/metadata/name") ?? string.Empty, labels, spec);
    }

    public static PlannedChange Plan(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, string replaceNote)
    {
        var compared = new ComparedObjects(desired, FromDocument(desired.Object), live?.Object, lastApplied is null ? null : FromDocument(lastApplied.Object), live);
        var diffs = compared.Diffs();
        if (live is null)
        {
            return compared.Change(ChangeAction.Create, diffs, []);
        }

        var drift = compared.DriftPaths();
        if (diffs.IsEmpty)
        {
            return compared.Change(ChangeAction.NoOp, diffs, drift);
        }

        var paths = diffs.Select(d => d.Path).Distinct().ToList();
        var reason = $"a {desired.Address.Kind.ToLowerInvariant()} cannot be changed in place ({string.Join(", ", paths.Take(3))}{(paths.Count > 3 ? $" and {paths.Count - 3} more" : string.Empty)} changed); {replaceNote}";
        return compared.Change(ChangeAction.Replace, diffs, drift, reason);
    }

    private static JsonObject Document(string kind, string name, IDictionary<string, string> labels, JsonObject spec) => new()
    {
        ["apiVersion"] = DockerKinds.ApiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject(DockerLabels.Ownership(labels).Select(l => KeyValuePair.Create<string, JsonNode?>(l.Key, l.Value))),
        },
        ["spec"] = spec,
    };

    /// <summary>The labels an object is created with: the user's spec.labels plus the ownership labels.</summary>
    public static Dictionary<string, string> LabelsToApply(JsonObject document)
    {
        var labels = Scalars.StringMap(document["spec"]?["labels"]);
        foreach (var (key, value) in document["metadata"]?["labels"] as JsonObject ?? [])
        {
            if (DockerLabels.IsOwnership(key))
            {
                labels[key] = Scalars.Text(value) ?? string.Empty;
            }
        }

        return labels;
    }
}
