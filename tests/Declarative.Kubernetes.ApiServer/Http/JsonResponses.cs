using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Http;

/// <summary>Writes bodies the way the API server does: JSON with a trailing newline (Go's json.Encoder).</summary>
public static class JsonResponses
{
    // Go's encoder escapes only <, >, & and control characters; the default encoder would also escape quotes
    // inside strings (managedFields keys like k:{"name":"web"}) and every non-ASCII letter.
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body, string contentType = "application/json")
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(Compact) + "\n");
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public static async Task WriteErrorAsync(HttpContext context, ApiError error)
    {
        foreach (var (name, value) in error.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (error.PlainText is not null)
        {
            context.Response.StatusCode = error.Code;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(error.PlainText, context.RequestAborted);
            return;
        }

        await WriteAsync(context, error.Code, error.Status!);
    }
}
