using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Errors;

/// <summary>Status objects exactly as apimachinery's errors package builds them (reference section 4).</summary>
public static class StatusFactory
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
        };
        if (reason.Length > 0)
        {
            status["reason"] = reason;
        }

        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject Success(JsonObject? details = null)
    {
        var status = new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success" };
        if (details is not null)
        {
            status["details"] = details;
        }

        return status;
    }

    /// <summary>details with kind = the resource plural, as NotFound/AlreadyExists/Conflict carry it.</summary>
    public static JsonObject ResourceDetails(ApiResource resource, string name) =>
        new() { ["name"] = name, ["group"] = resource.Group, ["kind"] = resource.Plural };

    public static ApiError NotFound(ApiResource resource, string name) =>
        new(404, Failure(404, "NotFound", $"{resource.GroupResource} \"{name}\" not found", ResourceDetails(resource, name)));

    /// <summary>A namespaced create into a namespace that does not exist.</summary>
    public static ApiError NamespaceNotFound(string name) =>
        new(404, Failure(404, "NotFound", $"namespaces \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = "namespaces" }));

    public static ApiError AlreadyExists(ApiResource resource, string name) =>
        new(409, Failure(409, "AlreadyExists", $"{resource.GroupResource} \"{name}\" already exists", ResourceDetails(resource, name)));

    public static ApiError Conflict(ApiResource resource, string name, string reason) =>
        new(409, Failure(409, "Conflict", $"Operation cannot be fulfilled on {resource.GroupResource} \"{name}\": {reason}", ResourceDetails(resource, name)));

    public const string OptimisticLockMessage = "the object has been modified; please apply your changes to the latest version and try again";

    /// <summary>422 Invalid with causes; the message lists "field: message" of each cause.</summary>
    public static ApiError Invalid(ApiResource resource, string name, IReadOnlyList<StatusCause> causes)
    {
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = resource.Group,
            ["kind"] = resource.Kind,
            ["causes"] = new JsonArray([.. causes.Select(c => (JsonNode)c.ToJson())]),
        };
        var listed = causes.Count == 1 ? causes[0].Text : $"[{string.Join(", ", causes.Select(c => c.Text))}]";
        return new(422, Failure(422, "Invalid", $"{resource.GroupKind} \"{name}\" is invalid: {listed}", details));
    }

    public static ApiError BadRequest(string message) => new(400, Failure(400, "BadRequest", message));

    public static ApiError MethodNotAllowed(string message) => new(405, Failure(405, "MethodNotAllowed", message));

    public static ApiError UnsupportedMediaType(string message) => new(415, Failure(415, "UnsupportedMediaType", message));

    public static ApiError Forbidden(string message, JsonObject? details = null) => new(403, Failure(403, "Forbidden", message, details));

    public static ApiError Unauthorized() => new(401, Failure(401, "Unauthorized", "Unauthorized"));

    public static ApiError Expired(string message, string? newContinue = null)
    {
        var status = Failure(410, "Expired", message);
        if (newContinue is not null)
        {
            status["metadata"] = new JsonObject { ["continue"] = newContinue };
        }

        return new(410, status);
    }

    public static ApiError TooManyRequests(int retryAfterSeconds) =>
        new(429, Failure(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later", new JsonObject { ["retryAfterSeconds"] = retryAfterSeconds }), new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) });

    public static ApiError ServiceUnavailable(string message) => new(503, Failure(503, "ServiceUnavailable", message));

    public static JsonObject InternalError(string message) => Failure(500, "InternalError", $"Internal error occurred: {message}");

    /// <summary>A route miss under a served group/version: Status 404 with empty details.</summary>
    public static ApiError ResourceNotServed() =>
        new(404, Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject()));

    /// <summary>A group/version that is not served at all: Go's http.NotFound, plain text.</summary>
    public static ApiError PageNotFound() => ApiError.Plain(404, "404 page not found\n");
}
