using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>PUT on an object or its status (reference 3.4): optimistic concurrency on metadata.resourceVersion.</summary>
internal static class UpdateHandler
{
    public static async Task HandleAsync(RequestScope scope, WritePipeline pipeline)
    {
        var options = WriteOptions.From(scope, "UpdateOptions");
        var directive = FieldValidation.Directive(scope, "UpdateOptions");
        var (body, duplicates) = await RequestBody.ReadDecodedAsync(scope.Context, scope.Resource.Kind);
        BodyChecks.EnsureType(scope, body);
        FieldValidation.DecodeBody(scope, body, duplicates, directive);
        BodyChecks.EnsureNamespace(scope, body);
        BodyChecks.EnsureName(scope, body);
        var subresource = scope.Path.Subresource;
        var result = scope.Store.Write(scope.Resource, scope.Namespace, scope.Name, options.DryRun, current =>
        {
            var live = current ?? throw StatusFactory.NotFound(scope.Resource, scope.Name);
            CheckPrecondition(scope, live, ObjectMeta.ResourceVersion(body));
            return pipeline.PrepareUpdate(scope, live, body, options.Manager, subresource, options.DryRun);
        });
        var stored = CrdController.AfterWrite(scope, result, options.DryRun);
        await scope.RespondAsync(200, scope.Present(stored));
    }

    /// <summary>A resourceVersion in the body must be the stored one; none means an unconditional update.</summary>
    public static void CheckPrecondition(RequestScope scope, JsonObject current, string? expected)
    {
        if (!string.IsNullOrEmpty(expected) && expected != ObjectMeta.ResourceVersion(current))
        {
            throw StatusFactory.Conflict(scope.Resource, scope.Name, StatusFactory.OptimisticLockMessage);
        }
    }
}
