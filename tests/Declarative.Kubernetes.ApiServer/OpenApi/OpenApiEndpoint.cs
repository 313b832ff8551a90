using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;
using Declarative.Kubernetes.ApiServer.Registry;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.OpenApi;

/// <summary>GET /openapi/v3 (the index) and /openapi/v3/{api/v1 | apis/g/v} (a document, ETag = its hash; immutable
/// when asked for by the current hash). Other /openapi paths, /openapi/v2 included, are a plain-text 404.</summary>
public sealed class OpenApiEndpoint(ResourceRegistry registry)
{
    private const string Prefix = "/openapi/v3";
    private readonly OpenApiDocuments _documents = new(registry);

    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!HttpMethods.IsGet(context.Request.Method) || !path.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            return false;
        }

        if (path.TrimEnd('/') == Prefix)
        {
            await JsonResponses.WriteAsync(context, 200, _documents.Index());
            return true;
        }

        var document = path.StartsWith(Prefix + "/", StringComparison.Ordinal) ? _documents.Document(path[(Prefix.Length + 1)..].TrimEnd('/')) : null;
        if (document is null)
        {
            throw StatusFactory.PageNotFound();
        }

        var hash = OpenApiDocuments.Hash(document);
        context.Response.Headers.ETag = $"\"{hash}\"";
        if (context.Request.Query["hash"].ToString() == hash)
        {
            context.Response.Headers.CacheControl = "public, immutable";
        }

        await JsonResponses.WriteAsync(context, 200, document);
        return true;
    }
}
