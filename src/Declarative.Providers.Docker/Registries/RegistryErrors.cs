using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Registries;

/// <summary>Reads the v2 error body (<c>{"errors":[{"code","message"}]}</c>) into a short text for messages.</summary>
internal static class RegistryErrors
{
    private const int MaxBodyCharacters = 4096;

    /// <summary>": CODE: message; CODE: message", or "" when the body holds no registry errors.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }

        if (text.Length == 0 || text.Length > MaxBodyCharacters)
        {
            return string.Empty;
        }

        try
        {
            var errors = (JsonNode.Parse(text) as JsonObject)?["errors"] as JsonArray;
            var parts = errors?.OfType<JsonObject>()
                .Select(error => $"{Text(error["code"])}: {Text(error["message"])}".Trim(' ', ':'))
                .Where(part => part.Length > 0)
                .ToList();
            return parts is { Count: > 0 } ? ": " + string.Join("; ", parts) : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
}
