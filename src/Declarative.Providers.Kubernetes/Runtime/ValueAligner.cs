using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Makes a live copy spell values the way a reference object does where both mean the same: quantities ("500m" and
/// 0.5, "1Gi" and "1073741824") and int-or-string fields (8080 and "8080"). The differ then sees no change there,
/// and a real change still shows the user's own spelling.
/// </summary>
internal static class ValueAligner
{
    private static readonly HashSet<string> QuantityMaps = new(StringComparer.Ordinal) { "requests", "limits", "hard", "capacity", "allocatable" };

    private static readonly HashSet<string> QuantityFields = new(StringComparer.Ordinal) { "storage", "sizeLimit" };

    private static readonly HashSet<string> IntOrStringFields = new(StringComparer.Ordinal)
    {
        "targetPort", "port", "maxSurge", "maxUnavailable", "minAvailable",
    };

    /// <summary>Aligns <paramref name="live"/> (mutated: pass a copy) to <paramref name="reference"/>.</summary>
    public static void Align(JsonObject live, JsonObject reference) => AlignObject(live, reference, null);

    private static void AlignObject(JsonObject live, JsonObject reference, string? objectKey)
    {
        foreach (var (key, referenceValue) in reference.ToList())
        {
            var liveValue = live[key];
            switch (liveValue, referenceValue)
            {
                case (JsonObject liveChild, JsonObject referenceChild):
                    AlignObject(liveChild, referenceChild, key);
                    break;
                case (JsonArray liveItems, JsonArray referenceItems):
                    AlignArray(liveItems, referenceItems, key);
                    break;
                case (JsonValue liveLeaf, JsonValue referenceLeaf) when SameValue(objectKey, key, liveLeaf, referenceLeaf):
                    live[key] = referenceLeaf.DeepClone();
                    break;
                default:
                    break;
            }
        }
    }

    private static void AlignArray(JsonArray live, JsonArray reference, string field)
    {
        var keys = ListKeys.For(field, reference);
        for (var i = 0; i < reference.Count; i++)
        {
            var match = keys.IsEmpty || reference[i] is not JsonObject keyed
                ? (i < live.Count ? live[i] : null)
                : live.OfType<JsonObject>().FirstOrDefault(item => ListKeys.Identity(item, keys) == ListKeys.Identity(keyed, keys));
            if (match is JsonObject liveItem && reference[i] is JsonObject referenceItem)
            {
                AlignObject(liveItem, referenceItem, field);
            }
        }
    }

    private static bool SameValue(string? objectKey, string key, JsonValue live, JsonValue reference)
    {
        if ((objectKey is not null && QuantityMaps.Contains(objectKey)) || QuantityFields.Contains(key))
        {
            return Quantity.TryParse(Text(live), out var a) && Quantity.TryParse(Text(reference), out var b) && a == b;
        }

        return IntOrStringFields.Contains(key) && Text(live) == Text(reference);
    }

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
