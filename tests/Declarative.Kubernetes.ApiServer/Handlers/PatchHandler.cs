using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Patching;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>PATCH on an object or its status: merge, JSON, strategic-merge and server-side apply (reference 3.5, 5).</summary>
internal static class PatchHandler
{
    public static async Task HandleAsync(RequestScope scope, WritePipeline pipeline)
    {
        var request = await PatchRequest.ReadAsync(scope);
        var result = scope.Store.Write(scope.Resource, scope.Namespace, scope.Name, request.Options.DryRun, current =>
            request.IsApply ? Apply(scope, pipeline, request, current) : Patch(scope, pipeline, request, current));
        var stored = CrdController.AfterWrite(scope, result, request.Options.DryRun);
        await scope.RespondAsync(result.Outcome == WriteOutcome.Created ? 201 : 200, scope.Present(stored));
    }

    private static JsonObject Patch(RequestScope scope, WritePipeline pipeline, PatchRequest request, JsonObject? current)
    {
        var live = current ?? throw StatusFactory.NotFound(scope.Resource, scope.Name);
        var patch = DecodedJson.Parse(request.Body);
        var patched = PatchDocument.Apply(request.ContentType, live, patch.Node);
        FieldValidation.DecodePatched(scope, patched, patch.Duplicates, request.Validation);
        UpdateHandler.CheckPrecondition(scope, live, ObjectMeta.ResourceVersion(patched));
        KeepIdentity(scope, live, patched);
        return pipeline.PrepareUpdate(scope, live, patched, request.Options.Manager, scope.Path.Subresource, request.Options.DryRun);
    }

    private static JsonObject Apply(RequestScope scope, WritePipeline pipeline, PatchRequest request, JsonObject? current)
    {
        var subresource = scope.Path.Subresource;
        if (current is null && subresource is not null)
        {
            throw StatusFactory.NotFound(scope.Resource, scope.Name);
        }

        var applied = RequestBody.ParseApply(request.Body);
        BodyChecks.EnsureApplyType(scope, applied);
        BodyChecks.EnsureNamespace(scope, applied);
        BodyChecks.EnsureName(scope, applied);
        FieldValidation.CheckApplied(scope, applied);
        if (current is not null)
        {
            UpdateHandler.CheckPrecondition(scope, current, ObjectMeta.ResourceVersion(applied));
            ObjectMeta.Metadata(applied).Remove("resourceVersion");
        }

        JsonObject merged;
        try
        {
            merged = pipeline.Fields.Apply(new ApplyRequest(scope.Resource, current, applied, request.Options.Manager, request.Force, subresource, scope.Now));
        }
        catch (ApplyConflictException conflict)
        {
            throw PatchDocument.ConflictError(conflict);
        }

        if (current is null)
        {
            CreateHandler.EnsureNamespaceExists(scope);
            return pipeline.PrepareCreate(scope, merged, manager: null, request.Options.DryRun);
        }

        KeepIdentity(scope, current, merged);
        return pipeline.PrepareUpdate(scope, current, merged, manager: null, subresource, request.Options.DryRun);
    }

    /// <summary>A patch cannot rename, move or retype the object it patches.</summary>
    private static void KeepIdentity(RequestScope scope, JsonObject current, JsonObject patched)
    {
        patched["apiVersion"] = current["apiVersion"]?.DeepClone() ?? scope.Resource.ApiVersion;
        patched["kind"] = current["kind"]?.DeepClone() ?? scope.Resource.Kind;
        var metadata = ObjectMeta.Metadata(patched);
        metadata["name"] = scope.Name;
        if (scope.Namespace is not null)
        {
            metadata["namespace"] = scope.Namespace;
        }
    }
}
