using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Tests.Core;

namespace Declarative.Kubernetes.ApiServer.Tests.Validation;

/// <summary>One answer of the double with what these tests read: code, Status or object, and Warning headers.</summary>
public sealed record Answer(HttpStatusCode Code, JsonNode? Body, IReadOnlyList<string> Warnings)
{
    public string Message => DoubleServer.Text(Body, "message");

    public string Reason => DoubleServer.Text(Body, "reason");
}

/// <summary>Sends raw bodies (duplicate keys cannot be written with JsonNode) and keeps the Warning headers.</summary>
internal static class ValidationClient
{
    public static async Task<Answer> SendAsync(DoubleServer server, HttpMethod method, string path, string? body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await server.Client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType == "application/json" && raw.Length > 0 ? JsonNode.Parse(raw) : JsonValue.Create(raw);
        var warnings = response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
        return new Answer(response.StatusCode, json, warnings);
    }

    public static Task<Answer> PostAsync(DoubleServer server, string path, string body) => SendAsync(server, HttpMethod.Post, path, body);

    public static Task<Answer> PutAsync(DoubleServer server, string path, string body) => SendAsync(server, HttpMethod.Put, path, body);

    public static Task<Answer> PatchAsync(DoubleServer server, string path, string body, string contentType) => SendAsync(server, HttpMethod.Patch, path, body, contentType);

    public static Task<Answer> GetAsync(DoubleServer server, string path) => SendAsync(server, HttpMethod.Get, path, null);
}
