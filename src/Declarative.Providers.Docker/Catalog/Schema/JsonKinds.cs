using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>Names JSON kinds the way diagnostics show them, and reads scalars as text.</summary>
internal static class JsonKinds
{
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a map",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
    };

    public static bool IsScalar(JsonNode node, ScalarType type)
    {
        if (node is not JsonValue)
        {
            return false;
        }

        var kind = node.GetValueKind();
        return type switch
        {
            ScalarType.String => kind == JsonValueKind.String,
            ScalarType.Number => kind == JsonValueKind.Number,
            ScalarType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            ScalarType.Any => kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
            _ => false,
        };
    }

    /// <summary>A string as it is, a number or boolean as its JSON text; null for anything else.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False =>
            value.ToJsonString(),
        _ => null,
    };

    /// <summary>How a value is quoted in a diagnostic: strings in double quotes, anything else as JSON.</summary>
    public static string Show(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? string.Create(CultureInfo.InvariantCulture, $"\"{value.GetValue<string>()}\"")
        : node?.ToJsonString() ?? "null";
}
