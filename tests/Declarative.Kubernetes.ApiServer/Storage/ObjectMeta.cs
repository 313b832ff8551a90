using System.Globalization;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>Reads and writes the metadata fields the server owns, on unstructured objects.</summary>
public static class ObjectMeta
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? Text(JsonObject obj, string field) =>
        obj["metadata"] is JsonObject metadata && metadata[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static string Name(JsonObject obj) => Text(obj, "name") ?? string.Empty;

    public static string? Namespace(JsonObject obj) => Text(obj, "namespace");

    public static string? ResourceVersion(JsonObject obj) => Text(obj, "resourceVersion");

    public static string? Uid(JsonObject obj) => Text(obj, "uid");

    public static bool IsDeleting(JsonObject obj) => Text(obj, "deletionTimestamp") is not null;

    public static bool HasFinalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray finalizers && finalizers.Count > 0;

    public static long Generation(JsonObject obj) =>
        obj["metadata"]?["generation"] is JsonValue value && value.TryGetValue(out long generation) ? generation : 0;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value is JsonValue v && v.TryGetValue(out string? text) ? text : value?.ToJsonString() ?? string.Empty;
            }
        }

        return labels;
    }

    /// <summary>metav1.Time: RFC 3339, UTC, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The storage key of an object inside one resource's collection.</summary>
    public static string Key(string? ns, string name) => $"{ns}/{name}";
}
