using System.Globalization;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>Reads and writes metadata.managedFields (reference section 5.2).</summary>
internal static class ManagedFieldsCodec
{
    public static IReadOnlyList<ManagerEntry> Read(JsonObject? obj)
    {
        if (obj?["metadata"]?["managedFields"] is not JsonArray entries)
        {
            return [];
        }

        var byKey = new Dictionary<ManagerKey, ManagerEntry>();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var decoded = new ManagerEntry(
                Text(entry, "manager") ?? "",
                Text(entry, "operation") ?? "",
                Text(entry, "apiVersion"),
                Text(entry, "time"),
                Text(entry, "subresource"),
                FieldsV1.Decode(entry["fieldsV1"] as JsonObject));
            byKey[decoded.Key] = byKey.TryGetValue(decoded.Key, out var earlier)
                ? decoded with { Fields = earlier.Fields.Union(decoded.Fields) }
                : decoded;
        }

        return [.. byKey.Values];
    }

    /// <summary>Entries in apimachinery's order: operation, time, manager, apiVersion, subresource.</summary>
    public static JsonArray Write(IEnumerable<ManagerEntry> entries)
    {
        var ordered = entries
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => Seconds(e.Time))
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? "", StringComparer.Ordinal);
        return [.. ordered.Select(e => (JsonNode)ToJson(e))];
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static long Seconds(string? time) =>
        DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUnixTimeSeconds() : 0;

    private static JsonObject ToJson(ManagerEntry entry)
    {
        var json = new JsonObject { ["manager"] = entry.Manager, ["operation"] = entry.Operation };
        if (entry.ApiVersion is not null)
        {
            json["apiVersion"] = entry.ApiVersion;
        }

        if (entry.Time is not null)
        {
            json["time"] = entry.Time;
        }

        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = FieldsV1.Encode(entry.Fields);
        if (entry.Subresource is not null)
        {
            json["subresource"] = entry.Subresource;
        }

        return json;
    }

    private static string? Text(JsonObject entry, string name) =>
        entry[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
