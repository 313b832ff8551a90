using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;
using Declarative.Kubernetes.ApiServer.Registry;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Discovery;

/// <summary>GET /api, /api/v1, /apis, /apis/{g}, /apis/{g}/{v}: legacy documents, or aggregated v2 on /api and /apis
/// when the Accept header asks for it (with ETag, Vary: Accept and 304 on If-None-Match). An unserved group or
/// group/version is a plain-text 404.</summary>
public sealed class DiscoveryEndpoint(ResourceRegistry registry)
{
    private readonly LegacyDiscovery _legacy = new(registry);
    private readonly AggregatedDiscovery _aggregated = new(registry);

    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "/").Trim('/').Split('/');
        if (!HttpMethods.IsGet(context.Request.Method) || !IsDiscoveryPath(parts))
        {
            return false;
        }

        if (parts is ["api"] or ["apis"] && AcceptHeader.OffersAggregatedDiscovery(context.Request.Headers.Accept.ToString()))
        {
            await AnswerAggregatedAsync(context, core: parts[0] == "api");
            return true;
        }

        var document = Legacy(parts) ?? throw StatusFactory.PageNotFound();
        await JsonResponses.WriteAsync(context, 200, document);
        return true;
    }

    private static bool IsDiscoveryPath(string[] parts) =>
        parts is ["api"] or ["api", _] or ["apis"] or ["apis", _] or ["apis", _, _];

    private JsonObject? Legacy(string[] parts) => parts switch
    {
        ["api"] => LegacyDiscovery.Versions(),
        ["api", var version] => _legacy.ResourceList("", version),
        ["apis"] => _legacy.GroupList(),
        ["apis", var group] => _legacy.Group(group),
        ["apis", var group, var version] => _legacy.ResourceList(group, version),
        _ => null,
    };

    private async Task AnswerAggregatedAsync(HttpContext context, bool core)
    {
        var text = _aggregated.List(core).ToJsonString() + "\n";
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.Vary = "Accept";
        headers.CacheControl = "public";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = AggregatedDiscovery.ContentType;
        await context.Response.WriteAsync(text, context.RequestAborted);
    }
}
