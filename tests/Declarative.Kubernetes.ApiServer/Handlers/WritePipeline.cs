using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Patching;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>What every write does between decoding and storage: the status rules of the main resource and its
/// subresources, admission (defaults, validation), generation, and managedFields.</summary>
internal sealed class WritePipeline(FieldManager fields)
{
    public FieldManager Fields => fields;

    /// <summary><paramref name="manager"/> null: managedFields are already set (an apply).</summary>
    public JsonObject PrepareCreate(RequestScope scope, JsonObject incoming, string? manager, bool dryRun)
    {
        var next = (JsonObject)incoming.DeepClone();

        // The uid exists before admission: a Job's generated selector is built from it, and storage keeps it.
        ObjectMeta.Metadata(next)["uid"] = Guid.NewGuid().ToString();
        if (scope.Resource.Has("status"))
        {
            next.Remove("status");
        }

        if (scope.Resource.StorageKey == "/namespaces")
        {
            NamespaceBootstrap.WithDefaults(next);
        }

        var prepared = scope.State.Admission.PrepareForCreate(scope.Resource, next, dryRun);
        ValidateCustomResource(scope, prepared);
        SetGeneration(scope, prepared, 1);
        return manager is null ? prepared : fields.RecordUpdate(new UpdateRequest(scope.Resource, null, prepared, manager, null, scope.Now));
    }

    /// <summary>The stored object after writing <paramref name="incoming"/> to the main resource or a subresource.</summary>
    public JsonObject PrepareUpdate(RequestScope scope, JsonObject current, JsonObject incoming, string? manager, string? subresource, bool dryRun)
    {
        var next = Merge(scope, current, incoming, subresource);
        var currentMetadata = ObjectMeta.Metadata(current);
        var nextMetadata = ObjectMeta.Metadata(next);
        if (nextMetadata["managedFields"] is null && currentMetadata["managedFields"] is { } kept)
        {
            nextMetadata["managedFields"] = kept.DeepClone();
        }

        if (scope.Resource.StorageKey == "/namespaces")
        {
            NamespaceBootstrap.WithDefaults(next);
        }

        var prepared = subresource switch
        {
            "status" => scope.State.Admission.PrepareStatusUpdate(scope.Resource, current, next),

            // finalize changes spec.finalizers only (Merge took nothing else), which admission would restore.
            "finalize" => next,
            _ => scope.State.Admission.PrepareForUpdate(scope.Resource, current, next, dryRun),
        };
        if (subresource != "finalize")
        {
            ValidateCustomResource(scope, prepared);
        }

        var bump = scope.State.Admission.ChangesGeneration(scope.Resource, current, prepared) ? 1 : 0;
        SetGeneration(scope, prepared, Math.Max(1, ObjectMeta.Generation(current)) + bump);
        return manager is null ? prepared : fields.RecordUpdate(new UpdateRequest(scope.Resource, current, prepared, manager, subresource, scope.Now));
    }

    /// <summary>Main resource: everything but status (when status is a subresource). status: only status.
    /// finalize: only spec.finalizers.</summary>
    private static JsonObject Merge(RequestScope scope, JsonObject current, JsonObject incoming, string? subresource)
    {
        switch (subresource)
        {
            case "status":
                var withStatus = (JsonObject)current.DeepClone();
                withStatus["status"] = incoming["status"]?.DeepClone();
                if (withStatus["status"] is null)
                {
                    withStatus.Remove("status");
                }

                CarryManagedFields(incoming, withStatus);
                return withStatus;
            case "finalize":
                var finalized = (JsonObject)current.DeepClone();
                var spec = finalized["spec"] as JsonObject ?? [];
                spec["finalizers"] = incoming["spec"]?["finalizers"]?.DeepClone();
                finalized["spec"] = spec;
                return finalized;
            default:
                var next = (JsonObject)incoming.DeepClone();
                if (scope.Resource.Has("status") && subresource is null)
                {
                    next["status"] = current["status"]?.DeepClone();
                    if (next["status"] is null)
                    {
                        next.Remove("status");
                    }
                }

                return next;
        }
    }

    /// <summary>A custom resource against its CRD version's openAPIV3Schema (the strategy's Validate): 422 Invalid
    /// with one cause per failure.</summary>
    private static void ValidateCustomResource(RequestScope scope, JsonObject prepared)
    {
        if (CrdController.OpenApiSchema(scope) is not { } schema)
        {
            return;
        }

        var causes = new Schemas.CustomResourceSchema(schema).Validate(prepared);
        if (causes.Count > 0)
        {
            throw Errors.StatusFactory.Invalid(scope.Resource, ObjectMeta.Name(prepared), causes);
        }
    }

    /// <summary>Only the types whose strategy tracks a generation have one (a ConfigMap never shows it).</summary>
    private static void SetGeneration(RequestScope scope, JsonObject prepared, long generation)
    {
        if (scope.State.Admission.TracksGeneration(scope.Resource))
        {
            ObjectMeta.Metadata(prepared)["generation"] = generation;
        }
        else
        {
            ObjectMeta.Metadata(prepared).Remove("generation");
        }
    }

    private static void CarryManagedFields(JsonObject from, JsonObject to)
    {
        if (from["metadata"]?["managedFields"] is { } managed)
        {
            ObjectMeta.Metadata(to)["managedFields"] = managed.DeepClone();
        }
    }
}
