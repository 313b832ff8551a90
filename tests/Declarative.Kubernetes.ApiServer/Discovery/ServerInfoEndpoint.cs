using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Discovery;

/// <summary>GET /version (a Kubernetes v1.32.0 server) and the health endpoints /healthz, /readyz, /livez ("ok").</summary>
public static class ServerInfoEndpoint
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0",
        ["gitCommit"] = "70d3cc986aa8221cd1dfb1121852688902d3bf53",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2024-12-11T17:59:15Z",
        ["goVersion"] = "go1.23.3",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static async Task<bool> TryHandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }

        switch (context.Request.Path.Value)
        {
            case "/version" or "/version/":
                await JsonResponses.WriteAsync(context, 200, Version());
                return true;
            case "/healthz" or "/readyz" or "/livez":
                context.Response.ContentType = "text/plain; charset=utf-8";
                context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return true;
            default:
                return false;
        }
    }
}
