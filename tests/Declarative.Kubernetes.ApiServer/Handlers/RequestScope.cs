using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Http;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>One resolved resource request: the served resource, the path and the HTTP exchange.</summary>
internal sealed record RequestScope(ApiServerState State, HttpContext Context, ApiPath Path, ApiResource Resource)
{
    public string? Namespace => Resource.Namespaced ? Path.Namespace : null;

    public string Name => Path.Name ?? string.Empty;

    public ObjectStore Store => State.Store;

    public DateTimeOffset Now => State.Clock.GetUtcNow();

    public string? Query(string name)
    {
        var values = Context.Request.Query[name];
        return values.Count == 0 ? null : values[^1];
    }

    public bool Flag(string name) => Query(name) is "1" or "true" or "True";

    /// <summary>The object as this endpoint serves it: kind and apiVersion of the requested version.</summary>
    public JsonObject Present(JsonObject stored)
    {
        var copy = (JsonObject)stored.DeepClone();
        copy["kind"] = Resource.Kind;
        copy["apiVersion"] = Resource.ApiVersion;
        return copy;
    }

    public Task RespondAsync(int statusCode, JsonNode body) => JsonResponses.WriteAsync(Context, statusCode, body);
}
