using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>Scalars as the engine keeps them: env values, labels and options are strings, so `true` is "true" and
/// 8080 is "8080"; null is "".</summary>
internal static class Scalars
{
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => string.Empty,
            _ => value.ToJsonString(),
        },
        _ => null,
    };

    public static Dictionary<string, string> StringMap(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => Text(p.Value) ?? string.Empty, StringComparer.Ordinal);
}
