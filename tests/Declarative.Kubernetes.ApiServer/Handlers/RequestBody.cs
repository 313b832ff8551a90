using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>Reads request bodies: JSON objects, JSON patches, and apply bodies in YAML or JSON.</summary>
internal static class RequestBody
{
    public static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    /// <summary>A JSON body; a field given twice keeps its last value, as Go's decoder does.</summary>
    public static JsonNode? ParseJson(string text) => DecodedJson.Parse(text).Node;

    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, string expectedKind) =>
        (await ReadDecodedAsync(context, expectedKind)).Object;

    /// <summary>A create or update body and the fields it gave twice (fieldValidation reports them).</summary>
    public static async Task<DecodedObject> ReadDecodedAsync(HttpContext context, string expectedKind)
    {
        RequireJsonOrYaml(context);
        var text = await ReadTextAsync(context);
        if (IsYaml(context))
        {
            return new DecodedObject(ParseApply(text), []);
        }

        if (text.Trim().Length == 0)
        {
            throw StatusFactory.BadRequest($"the object provided is unrecognized (must be of type {expectedKind}): unexpected end of JSON input");
        }

        var decoded = DecodedJson.Parse(text);
        return decoded.Node is JsonObject obj
            ? new DecodedObject(obj, decoded.Duplicates)
            : throw StatusFactory.BadRequest($"the object provided is unrecognized (must be of type {expectedKind}): expected a JSON object");
    }

    /// <summary>
    /// Create and update bodies are JSON or YAML. client-go sends built-in kinds as protobuf first; a 415 makes it
    /// fall back to JSON, as it does against servers that do not speak protobuf.
    /// </summary>
    private static void RequireJsonOrYaml(HttpContext context)
    {
        var mediaType = (context.Request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (mediaType is not ("application/json" or "application/yaml" or ""))
        {
            throw StatusFactory.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml");
        }
    }

    private static bool IsYaml(HttpContext context) =>
        (context.Request.ContentType ?? string.Empty).StartsWith("application/yaml", StringComparison.Ordinal);

    /// <summary>An apply body: YAML (JSON is YAML too) holding one object.</summary>
    public static JsonObject ParseApply(string text)
    {
        try
        {
            return YamlJson.Parse(text) as JsonObject ?? throw StatusFactory.BadRequest("error decoding YAML: the apply patch is not an object");
        }
        catch (YamlDotNet.Core.YamlException error)
        {
            throw StatusFactory.BadRequest($"error decoding YAML: {error.Message}");
        }
    }
}

/// <summary>A decoded object body with the paths of its duplicate fields.</summary>
internal sealed record DecodedObject(JsonObject Object, IReadOnlyList<string> Duplicates);
