using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>Serves every resource path: get, list, watch, create, update, patch, delete, deletecollection and the
/// status and scale subresources.</summary>
public sealed class ResourceHandler(ApiServerState state)
{
    public ApiServerState State => state;

    public Task HandleAsync(HttpContext context, ApiPath path) => throw StatusFactory.PageNotFound();
}
