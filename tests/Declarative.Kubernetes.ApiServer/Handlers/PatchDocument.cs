using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Patching;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>The four patch types by Content-Type (reference 3.5) and applying the non-apply ones.</summary>
internal static class PatchDocument
{
    public const string JsonPatchType = "application/json-patch+json";
    public const string MergePatchType = "application/merge-patch+json";
    public const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchType = "application/apply-patch+yaml";

    /// <summary>The media type without parameters; 415 when the resource does not accept it.</summary>
    public static string ContentType(string? header, ApiResource resource)
    {
        var mediaType = (header ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        var accepted = resource.IsCustom
            ? new[] { JsonPatchType, MergePatchType, ApplyPatchType }
            : [JsonPatchType, MergePatchType, StrategicMergePatchType, ApplyPatchType];
        return accepted.Contains(mediaType)
            ? mediaType
            : throw StatusFactory.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}");
    }

    public static JsonObject Apply(string contentType, JsonObject target, string text) => Apply(contentType, target, DecodedJson.Parse(text).Node);

    public static JsonObject Apply(string contentType, JsonObject target, JsonNode? patch)
    {
        return contentType switch
        {
            JsonPatchType => ApplyJsonPatch(target, patch),
            StrategicMergePatchType => StrategicMergePatch.Apply(target, patch),
            _ => JsonMergePatch.Apply(target, patch) as JsonObject ?? throw StatusFactory.BadRequest("the patch did not produce an object"),
        };
    }

    private static JsonObject ApplyJsonPatch(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw StatusFactory.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        if (operations.Count > 10_000)
        {
            throw new ApiError(413, StatusFactory.Failure(413, "RequestEntityTooLarge", $"Request entity too large: The allowed maximum operations in a JSON patch is 10000, got {operations.Count}"));
        }

        try
        {
            return JsonPatch.Apply(target, operations) as JsonObject ?? throw StatusFactory.BadRequest("the patch did not produce an object");
        }
        catch (JsonPatchException)
        {
            throw new ApiError(422, StatusFactory.Failure(422, "Invalid", "the server rejected our request due to an error in our request", new JsonObject()));
        }
    }

    /// <summary>409 for an apply conflict, worded like apimachinery's NewConflictError (reference 5.3).</summary>
    public static ApiError ConflictError(ApplyConflictException conflict)
    {
        var causes = conflict.Conflicts
            .Select(c => (JsonNode)new JsonObject { ["reason"] = "FieldManagerConflict", ["message"] = $"conflict with {Manager(c)}", ["field"] = c.Field })
            .ToArray();
        string message;
        if (conflict.Conflicts.Count == 1)
        {
            var only = conflict.Conflicts[0];
            message = $"Apply failed with 1 conflict: conflict with {Manager(only)}: {only.Field}";
        }
        else
        {
            var lines = conflict.Conflicts
                .GroupBy(Manager)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => new[] { $"conflicts with {g.Key}:" }.Concat(g.Select(c => $"- {c.Field}")));
            message = $"Apply failed with {conflict.Conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }

        return new ApiError(409, StatusFactory.Failure(409, "Conflict", message, new JsonObject { ["causes"] = new JsonArray(causes) }));
    }

    private static string Manager(FieldConflict conflict)
    {
        var text = $"\"{conflict.Manager}\"";
        if (!string.IsNullOrEmpty(conflict.Subresource))
        {
            text += $" with subresource \"{conflict.Subresource}\"";
        }

        return conflict.ApiVersion is null ? text : $"{text} using {conflict.ApiVersion}";
    }
}
