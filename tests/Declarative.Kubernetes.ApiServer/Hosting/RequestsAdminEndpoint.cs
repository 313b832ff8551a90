using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>
/// <c>/_double/requests</c> for a double running as a process, so a benchmark can count what a client costs: GET
/// answers <c>{"count": N, "byMethod": {"GET": n, …}}</c> over the API requests received since the last DELETE
/// (requests to <c>/_double/</c> itself are not counted); DELETE starts the count again.
/// </summary>
internal sealed class RequestsAdminEndpoint(RequestLog log)
{
    public const string Path = "/_double/requests";

    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.Path.Value, Path, StringComparison.Ordinal))
        {
            return false;
        }

        switch (context.Request.Method)
        {
            case "DELETE":
                log.Clear();
                break;
            case not "GET":
                throw StatusFactory.MethodNotAllowed($"the server does not allow this method on {Path}");
        }

        var counted = log.Requests.Where(r => !r.Contains(" /_double/", StringComparison.Ordinal)).ToList();
        var byMethod = new JsonObject();
        foreach (var group in counted.GroupBy(r => r[..r.IndexOf(' ', StringComparison.Ordinal)], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            byMethod[group.Key] = group.Count();
        }

        await JsonResponses.WriteAsync(context, 200, new JsonObject { ["count"] = counted.Count, ["byMethod"] = byMethod });
        return true;
    }
}
