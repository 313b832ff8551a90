using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>
/// Turns an error answer into a <see cref="KubeApiException"/>: the Status object when the body is one, else a
/// reason synthesized from the code as client-go does (reference 4). The message names the verb and the object
/// and ends with what to do; request bodies never appear in it.
/// </summary>
internal static class KubeErrors
{
    public static async Task<KubeApiException> FromResponseAsync(HttpResponseMessage response, KubeRequest request, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = ParseStatus(body, response.Content.Headers.ContentType?.MediaType);
        return status is null ? Synthesized(code, request) : FromStatus(status, code, request);
    }

    public static KubeApiException FromStatus(JsonObject status, int fallbackCode, KubeRequest request)
    {
        var code = status["code"] is JsonValue value && value.TryGetValue<int>(out var parsed) ? parsed : fallbackCode;
        var reason = Text(status["reason"]) ?? ReasonFor(code, request.Verb);
        var serverMessage = Text(status["message"]) ?? reason;
        var causes = Causes(status["details"]?["causes"]);
        return new KubeApiException(code, reason, Compose(request, reason, serverMessage, causes), causes, status);
    }

    /// <summary>The reason client-go's NewGenericServerResponse gives a code when the body is not a Status.</summary>
    public static string ReasonFor(int code, string verb) => code switch
    {
        409 => verb == "create" ? "AlreadyExists" : "Conflict",
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        410 => "Gone",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        >= 500 => "InternalError",
        _ => "Unknown",
    };

    private static KubeApiException Synthesized(int code, KubeRequest request)
    {
        var reason = ReasonFor(code, request.Verb);
        var text = code == 429
            ? "the server has received too many requests and has asked us to try again later"
            : $"the server answered {code} {(HttpStatusCode)code}";
        return new KubeApiException(code, reason, Compose(request, reason, text, []));
    }

    /// <summary>The server's own words for <paramref name="error"/>: its Status message with the causes the message
    /// does not spell out, without the verb and advice this client adds; the whole message when there was no Status.</summary>
    public static string ServerWords(KubeApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Status is { } status && Text(status["message"]) is { } message ? WithCauses(message, error.Causes) : error.Message;
    }

    private static string Compose(KubeRequest request, string reason, string serverMessage, ImmutableArray<KubeStatusCause> causes) =>
        $"Cannot {request.Verb} {request.Describe()}: {WithCauses(serverMessage, causes)}. {Advice(request, reason)}";

    private static string WithCauses(string serverMessage, ImmutableArray<KubeStatusCause> causes)
    {
        // An Invalid Status already spells its causes out in its message ("X is invalid: field: message"): only
        // causes the message does not carry are added, so the server's words appear once.
        var untold = causes.Where(c => c.Message.Length > 0 && !serverMessage.Contains(c.Message, StringComparison.Ordinal)).ToList();
        var causeText = untold.Count == 0 ? string.Empty : " (" + string.Join("; ", untold.Select(c => c.Field.Length == 0 ? c.Message : $"{c.Field}: {c.Message}")) + ")";
        return $"{serverMessage.TrimEnd('.', '\n')}{causeText}";
    }

    private static string Advice(KubeRequest request, string reason) => reason switch
    {
        "Forbidden" => $"The credentials need RBAC permission to {request.Verb} {Permission(request)}; ask a cluster administrator to grant it or use another context.",
        "Unauthorized" => "The server rejected the credentials; refresh the token or certificate of the kubeconfig user, or log in again.",
        "NotFound" => "Check the name and namespace, and that the cluster serves this kind.",
        "AlreadyExists" => "The object exists already; apply it instead of creating it.",
        "Conflict" => "Someone else changed the object meanwhile or owns these fields; run the plan again.",
        "Invalid" or "BadRequest" => "Fix the manifest fields named above.",
        "Expired" or "Gone" => "The data went stale while reading it; run the command again.",
        "TooManyRequests" or "ServiceUnavailable" or "Timeout" or "InternalError" or "ServerTimeout" =>
            "The server kept failing after several attempts; try again later or check the cluster's health.",
        _ => "Check the cluster and try again.",
    };

    private static string Permission(KubeRequest request)
    {
        if (request.Resource is not { } resource)
        {
            return "read discovery";
        }

        var group = resource.Group.Length == 0 ? "the core API group" : $"API group \"{resource.Group}\"";
        var scope = resource.Namespaced && request.Namespace is { } ns ? $" in namespace \"{ns}\"" : string.Empty;
        return $"resource \"{resource.Plural}\" in {group}{scope}";
    }

    private static JsonObject? ParseStatus(string body, string? mediaType)
    {
        if (mediaType is null || !mediaType.Contains("json", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject obj && Text(obj["kind"]) == "Status" ? obj : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ImmutableArray<KubeStatusCause> Causes(JsonNode? causes) =>
    [
        .. (causes as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => new KubeStatusCause(Text(c["reason"]) ?? string.Empty, Text(c["message"]) ?? string.Empty, Text(c["field"]) ?? string.Empty)),
    ];

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
