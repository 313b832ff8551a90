using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;
using Declarative.Kubernetes.ApiServer.Patching;
using Declarative.Kubernetes.ApiServer.Registry;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>Serves every resource path: get, list, watch, create, update, patch, delete, deletecollection and the
/// status and scale subresources.</summary>
public sealed class ResourceHandler(ApiServerState state)
{
    private const string NotAllowed = "the server does not allow this method on the requested resource";

    private readonly WritePipeline _pipeline = new(new FieldManager());

    public ApiServerState State => state;

    public async Task HandleAsync(HttpContext context, ApiPath path)
    {
        try
        {
            var scope = new RequestScope(state, context, path, Resolve(path));
            await DispatchAsync(scope, context.Request.Method);
        }
        catch (ApiError)
        {
            throw;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a watch closed): nothing left to answer.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new ApiError(500, StatusFactory.InternalError(error.Message));
        }
    }

    private ApiResource Resolve(ApiPath path)
    {
        if (!state.Registry.Serves(path.Group, path.Version))
        {
            throw StatusFactory.PageNotFound();
        }

        var resource = state.Registry.Find(path.Group, path.Version, path.Resource);
        var misplacedNamespace = resource is not null && !resource.Namespaced && path.Namespace is not null;
        var unknownSubresource = resource is not null && path.Subresource is not null && !resource.Has(path.Subresource);
        return resource is null || misplacedNamespace || unknownSubresource ? throw StatusFactory.ResourceNotServed() : resource;
    }

    private Task DispatchAsync(RequestScope scope, string method)
    {
        var named = scope.Path.Name is not null;
        var isWrite = !HttpMethods.IsGet(method);
        if (isWrite && state.Faults.RejectWrites)
        {
            throw Forbidden(scope, method);
        }

        return (method.ToUpperInvariant(), named, scope.Path.Subresource) switch
        {
            ("GET", false, _) when scope.Flag("watch") => WatchHandler.HandleAsync(scope),
            ("GET", false, _) => ListHandler.HandleAsync(scope),
            ("GET", true, "scale") => ScaleSubresource.GetAsync(scope),
            ("GET", true, _) => GetAsync(scope),
            ("POST", false, _) => CreateHandler.HandleAsync(scope, _pipeline),
            ("PUT", true, "scale") => ScaleSubresource.WriteAsync(scope, _pipeline, patch: null),
            ("PUT", true, _) => UpdateHandler.HandleAsync(scope, _pipeline),
            ("PATCH", true, "scale") => PatchScaleAsync(scope),
            ("PATCH", true, _) => PatchHandler.HandleAsync(scope, _pipeline),
            ("DELETE", true, null) => DeleteHandler.HandleAsync(scope),
            ("DELETE", false, _) => DeleteHandler.HandleCollectionAsync(scope),
            _ => throw StatusFactory.MethodNotAllowed(NotAllowed),
        };
    }

    private static async Task GetAsync(RequestScope scope)
    {
        var stored = scope.Store.Get(scope.Resource, scope.Namespace, scope.Name) ?? throw StatusFactory.NotFound(scope.Resource, scope.Name);
        await scope.RespondAsync(200, scope.Present(stored));
    }

    private async Task PatchScaleAsync(RequestScope scope)
    {
        var patch = await PatchRequest.ReadAsync(scope);
        await ScaleSubresource.WriteAsync(scope, _pipeline, patch);
    }

    /// <summary>An RBAC-style denial, worded as the authorizer words it.</summary>
    private static ApiError Forbidden(RequestScope scope, string method)
    {
        var verb = method.ToUpperInvariant() switch
        {
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => scope.Path.Name is null ? "deletecollection" : "delete",
            _ => method.ToLowerInvariant(),
        };
        var resource = scope.Path.Subresource is null ? scope.Resource.Plural : $"{scope.Resource.Plural}/{scope.Path.Subresource}";
        var where = scope.Namespace is null ? "at the cluster scope" : $"in the namespace \"{scope.Namespace}\"";
        var message = $"{scope.Resource.GroupResource} \"{scope.Name}\" is forbidden: User \"declarative\" cannot {verb} resource \"{resource}\" in API group \"{scope.Resource.Group}\" {where}";
        return StatusFactory.Forbidden(message, StatusFactory.ResourceDetails(scope.Resource, scope.Name));
    }
}
