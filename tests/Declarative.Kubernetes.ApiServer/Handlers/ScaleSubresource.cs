using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>The scale subresource: an autoscaling/v1 Scale view of the parent's replicas and selector.</summary>
internal static class ScaleSubresource
{
    public static async Task GetAsync(RequestScope scope)
    {
        var parent = scope.Store.Get(scope.Resource, scope.Namespace, scope.Name) ?? throw StatusFactory.NotFound(scope.Resource, scope.Name);
        await scope.RespondAsync(200, Build(scope, parent));
    }

    /// <summary>PUT (<paramref name="patch"/> null) or PATCH of the Scale: sets spec.replicas of the parent.</summary>
    public static async Task WriteAsync(RequestScope scope, WritePipeline pipeline, PatchRequest? patch)
    {
        var options = patch?.Options ?? WriteOptions.From(scope, "UpdateOptions");
        var body = patch is null ? await RequestBody.ReadObjectAsync(scope.Context, "Scale") : null;
        var paths = ScalePaths.For(scope);
        var result = scope.Store.Write(scope.Resource, scope.Namespace, scope.Name, options.DryRun, current =>
        {
            var live = current ?? throw StatusFactory.NotFound(scope.Resource, scope.Name);
            var scale = body ?? Patched(scope, patch!, Build(scope, live));
            UpdateHandler.CheckPrecondition(scope, live, ObjectMeta.ResourceVersion(scale));
            var next = (JsonObject)live.DeepClone();
            paths.SetSpecReplicas(next, scale["spec"]?["replicas"]?.DeepClone() ?? 0);
            return pipeline.PrepareUpdate(scope, live, next, options.Manager, "scale", options.DryRun);
        });
        await scope.RespondAsync(200, Build(scope, result.Object));
    }

    private static JsonObject Patched(RequestScope scope, PatchRequest patch, JsonObject scale)
    {
        if (!patch.IsApply)
        {
            return PatchDocument.Apply(patch.ContentType, scale, patch.Body);
        }

        // An apply to /scale carries only the replicas the applier wants: merged over the current Scale.
        var applied = RequestBody.ParseApply(patch.Body);
        return (JsonObject)Patching.JsonMergePatch.Apply(scale, applied)!;
    }

    private static JsonObject Build(RequestScope scope, JsonObject parent)
    {
        var paths = ScalePaths.For(scope);
        var metadata = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (parent["metadata"]?[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        var status = new JsonObject { ["replicas"] = paths.StatusReplicas(parent) };
        var selector = paths.Selector(parent);
        if (selector.Length > 0)
        {
            status["selector"] = selector;
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["replicas"] = paths.SpecReplicas(parent) },
            ["status"] = status,
        };
    }
}
