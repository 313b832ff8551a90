using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.State;

/// <summary>
/// Sealed values in stored objects. A store read without the key gives each sealed value back as the string
/// "(sensitive)" (<see cref="SensitiveValues.Mask"/>); <see cref="IsMasked"/> tells a caller (rollback) that an
/// entry's secret values are not available.
/// </summary>
public static class SealedValues
{
    /// <summary>The key of a sealed value's wrapper object.</summary>
    public const string Marker = "$sealed";

    /// <summary>Whether <paramref name="node"/> is a sealed value: <c>{"$sealed": {...}}</c>.</summary>
    public static bool IsSealed(JsonNode? node) =>
        node is JsonObject { Count: 1 } obj && obj[Marker] is JsonObject;

    /// <summary>Whether <paramref name="content"/> holds any sealed value.</summary>
    public static bool HasSealed(JsonNode? content) => content switch
    {
        _ when IsSealed(content) => true,
        JsonObject obj => obj.Any(p => HasSealed(p.Value)),
        JsonArray array => array.Any(HasSealed),
        _ => false,
    };

    /// <summary>Whether a value under the entry's sensitive paths reads "(sensitive)": the store that read it had no
    /// key, so the real values are unknown.</summary>
    public static bool IsMasked(InventoryEntry entry) =>
        AnySensitiveLeaf(entry.Applied.Object, entry.SensitivePaths, value =>
            value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == SensitiveValues.Mask);

    /// <summary>A copy with every sealed value replaced by "(sensitive)".</summary>
    public static JsonObject Mask(JsonObject content) => MapSealed(content, _ => JsonValue.Create(SensitiveValues.Mask));

    internal static JsonObject MapSealed(JsonObject content, Func<JsonObject, JsonNode?> open) =>
        (JsonObject)MapSealedNode(content, open)!;

    internal static JsonObject MapSensitiveLeaves(JsonObject content, IReadOnlyCollection<string> sensitivePaths, Func<JsonNode, JsonNode?> map) =>
        (JsonObject)MapLeaves(content, string.Empty, sensitivePaths, map)!;

    internal static bool HasSensitiveLeaves(JsonObject content, IReadOnlyCollection<string> sensitivePaths) =>
        AnySensitiveLeaf(content, sensitivePaths, _ => true);

    internal static byte[] Field(JsonObject seal, string name)
    {
        try
        {
            return JsonText.Of(seal[name]) is { } text ? Convert.FromBase64String(text) : throw new CryptographicException($"The sealed value has no \"{name}\".");
        }
        catch (FormatException ex)
        {
            throw new CryptographicException($"The sealed value's \"{name}\" is not base64.", ex);
        }
    }

    private static bool AnySensitiveLeaf(JsonObject content, IReadOnlyCollection<string> sensitivePaths, Func<JsonNode, bool> predicate)
    {
        var found = false;
        MapSensitiveLeaves(content, sensitivePaths, value =>
        {
            found |= predicate(value);
            return null; // The copy is thrown away.
        });
        return found;
    }

    private static JsonNode? MapSealedNode(JsonNode? node, Func<JsonObject, JsonNode?> open) => node switch
    {
        JsonObject obj when IsSealed(obj) => open((JsonObject)obj[Marker]!),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, MapSealedNode(p.Value, open)))),
        JsonArray array => new JsonArray([.. array.Select(item => MapSealedNode(item, open))]),
        _ => node?.DeepClone(),
    };

    private static JsonNode? MapLeaves(JsonNode? node, string path, IReadOnlyCollection<string> sensitivePaths, Func<JsonNode, JsonNode?> map) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, MapLeaves(p.Value, Child(path, p.Key), sensitivePaths, map)))),
        JsonArray array => new JsonArray([.. array.Select((item, i) => MapLeaves(item, $"{path}[{i}]", sensitivePaths, map))]),
        null => null,
        _ when path.Length > 0 && sensitivePaths.Any(p => FieldPath.IsUnder(path, p)) => map(node),
        _ => node.DeepClone(),
    };

    private static string Child(string path, string key)
    {
        var builder = new System.Text.StringBuilder(path);
        FieldPath.AppendKey(builder, key);
        return builder.ToString();
    }
}
