using Declarative.Kubernetes.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>The API server's verb for a request (apiserver RequestInfoFactory): resource requests get
/// get/list/watch/create/update/patch/delete/deletecollection; other paths get the lower-case HTTP method.</summary>
public static class RequestVerb
{
    public static string Of(HttpRequest request)
    {
        var method = request.Method.ToLowerInvariant();
        var path = ApiPath.Parse(request.Path.Value ?? "/");
        if (path is null)
        {
            return method;
        }

        var named = path.Name is not null;
        return method switch
        {
            "get" when IsWatch(request) => "watch",
            "get" => named ? "get" : "list",
            "post" => "create",
            "put" => "update",
            "patch" => "patch",
            "delete" => named ? "delete" : "deletecollection",
            _ => method,
        };
    }

    private static bool IsWatch(HttpRequest request) =>
        request.Query["watch"].ToString() is "true" or "1";
}
