using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Planning;

/// <summary>
/// How list items are matched across two objects: by key fields, never by position, where the list has a
/// natural key (DESIGN "Plan"). Keyed by the field name that holds the list.
/// </summary>
public static class ListKeys
{
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> ByField =
        new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)
        {
            ["containers"] = ["name"],
            ["initContainers"] = ["name"],
            ["ephemeralContainers"] = ["name"],
            ["env"] = ["name"],
            ["volumes"] = ["name"],
            ["volumeMounts"] = ["name"],
            ["volumeDevices"] = ["devicePath"],
            ["imagePullSecrets"] = ["name"],
            ["hostAliases"] = ["ip"],
            ["conditions"] = ["type"],
            ["ports"] = ["containerPort", "protocol"],
            ["tolerations"] = ["key"],
            ["topologySpreadConstraints"] = ["topologyKey", "whenUnsatisfiable"],
            ["resourceClaims"] = ["name"],
            ["subjects"] = ["kind", "name"],
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The key fields for the list held in <paramref name="field"/>, or an empty array to match by position.
    /// A keyed rule applies only when every item is an object carrying the first key field.
    /// Service ports (no containerPort) are keyed by port and protocol.
    /// </summary>
    public static ImmutableArray<string> For(string field, JsonArray items)
    {
        if (!ByField.TryGetValue(field, out var keys) || keys.IsEmpty || items.Count == 0)
        {
            return [];
        }

        if (field == "ports" && items.All(i => i is JsonObject o && o.ContainsKey("port") && !o.ContainsKey("containerPort")))
        {
            keys = ["port", "protocol"];
        }

        var first = keys[0];
        return items.All(i => i is JsonObject o && o[first] is JsonValue) ? keys : [];
    }

    /// <summary>The identity of one item under <paramref name="keys"/>; a missing protocol means TCP as the
    /// API server defaults it, so "8080" and "8080/TCP" match.</summary>
    public static string Identity(JsonObject item, ImmutableArray<string> keys) =>
        string.Join(",", keys.Select(k => $"{k}={ValueText(item, k)}"));

    /// <summary>How a keyed item shows in a path: <c>name=web</c>, or <c>containerPort=8080,protocol=TCP</c>.
    /// A missing protocol is left out.</summary>
    public static string Display(JsonObject item, ImmutableArray<string> keys) =>
        string.Join(",", keys.Where(k => item[k] is not null).Select(k => $"{k}={ValueText(item, k)}"));

    private static string ValueText(JsonObject item, string key) => item[key] switch
    {
        null when key == "protocol" => "TCP",
        null => string.Empty,
        JsonValue v => v.ToString(),
        var other => other.ToJsonString(),
    };
}
