using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Core.Planning.Diff;

/// <summary>
/// Deep equality as the plan needs it: numbers compare by value (1 and 1.0 are equal), a string never equals a
/// number ("8080" is not 8080), objects ignore key order, lists keep their order.
/// </summary>
internal static class JsonEquality
{
    public static bool Equal(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (null, null) => true,
        (JsonObject a, JsonObject b) => ObjectsEqual(a, b),
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Select((item, i) => Equal(item, b[i])).All(same => same),
        (JsonValue a, JsonValue b) => ValuesEqual(a, b),
        _ => false,
    };

    private static bool ObjectsEqual(JsonObject left, JsonObject right) =>
        left.Count == right.Count
        && left.All(pair => right.TryGetPropertyValue(pair.Key, out var other) && Equal(pair.Value, other));

    private static bool ValuesEqual(JsonValue left, JsonValue right)
    {
        var kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Number => NumbersEqual(left.ToJsonString(), right.ToJsonString()),
            JsonValueKind.String => string.Equals(left.ToString(), right.ToString(), StringComparison.Ordinal),
            _ => true,
        };
    }

    private static bool NumbersEqual(string left, string right)
    {
        const NumberStyles Style = NumberStyles.Float;
        var culture = CultureInfo.InvariantCulture;
        if (decimal.TryParse(left, Style, culture, out var a) && decimal.TryParse(right, Style, culture, out var b))
        {
            return a == b;
        }

        if (double.TryParse(left, Style, culture, out var x) && double.TryParse(right, Style, culture, out var y))
        {
            return x.Equals(y);
        }

        return string.Equals(left, right, StringComparison.Ordinal);
    }
}
