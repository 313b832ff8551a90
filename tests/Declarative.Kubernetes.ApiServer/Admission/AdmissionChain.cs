using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission.Allocation;
using Declarative.Kubernetes.ApiServer.Admission.Defaulting;
using Declarative.Kubernetes.ApiServer.Admission.Validation;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Admission;

/// <summary>
/// What the server does to an object between decoding and storage (reference sections 3.3, 3.4 and 6.2):
/// defaulting, allocation (Service clusterIP and nodePorts), validation and immutability. Methods return a new
/// object and never mutate their inputs; a rejected object is an <see cref="Errors.ApiError"/> 422 Invalid.
/// Thread-safe; the only state is the Service allocator's.
/// </summary>
public sealed class AdmissionChain(TimeProvider clock)
{
    private readonly ServiceAllocator _services = new();

    public TimeProvider Clock => clock;

    /// <summary>Defaults, allocates and validates an object being created.</summary>
    public JsonObject PrepareForCreate(ApiResource resource, JsonObject incoming) => PrepareForCreate(resource, incoming, dryRun: false);

    /// <summary>As <see cref="PrepareForCreate(ApiResource, JsonObject)"/>; a dry run allocates nothing but
    /// still answers what it would allocate and rejects what is taken. A Job's generated selector uses
    /// metadata.uid, so storage should set the uid first (one is generated and set when absent).</summary>
    public JsonObject PrepareForCreate(ApiResource resource, JsonObject incoming, bool dryRun)
    {
        var obj = (JsonObject)incoming.DeepClone();
        Defaulter.Apply(resource, obj);
        StatusPolicy.ResetOnCreate(resource, obj);
        CreateOnlyFields(resource, obj);
        ThrowIfAny(resource, obj, Validator.OnCreate(resource, obj));
        if (IsService(resource) && JsonTree.Child(obj, "spec") is { } spec)
        {
            ServiceAddressing.Normalize(spec);
            _services.Reconcile(resource, JsonTree.Name(obj), null, spec, dryRun);
            ServiceAddressing.SetFamilies(spec);
        }

        return obj;
    }

    /// <summary>Defaults and validates an update of <paramref name="old"/> to <paramref name="incoming"/>: keeps
    /// allocations, rejects changes of immutable fields.</summary>
    public JsonObject PrepareForUpdate(ApiResource resource, JsonObject old, JsonObject incoming) =>
        PrepareForUpdate(resource, old, incoming, dryRun: false);

    /// <summary>As <see cref="PrepareForUpdate(ApiResource, JsonObject, JsonObject)"/>. Allocations the update
    /// drops (a node port of a removed port, the cluster IP of a Service turned ExternalName) are freed at
    /// once unless this is a dry run.</summary>
    public JsonObject PrepareForUpdate(ApiResource resource, JsonObject old, JsonObject incoming, bool dryRun)
    {
        var obj = (JsonObject)incoming.DeepClone();
        Defaulter.Apply(resource, obj);
        StatusPolicy.KeepOnUpdate(resource, old, obj);
        KeepServerOwnedFields(resource, old, obj);
        var oldSpec = JsonTree.Existing(old, "spec");
        var spec = IsService(resource) ? JsonTree.Child(obj, "spec") : null;
        if (spec is not null && oldSpec is not null)
        {
            ServiceAddressing.CarryOver(oldSpec, spec);
            ServiceAddressing.Normalize(spec);
        }

        var causes = Validator.OnUpdate(resource, old, obj);
        if (spec is not null && oldSpec is not null)
        {
            causes.AddRange(ServiceAddressing.ImmutabilityCauses(oldSpec, spec));
        }

        ThrowIfAny(resource, obj, causes);
        if (spec is not null)
        {
            _services.Reconcile(resource, JsonTree.Name(obj), oldSpec, spec, dryRun);
            ServiceAddressing.SetFamilies(spec);
        }

        return obj;
    }

    /// <summary>A write to the status subresource: status from <paramref name="incoming"/>, everything else
    /// from <paramref name="old"/>.</summary>
    public JsonObject PrepareStatusUpdate(ApiResource resource, JsonObject old, JsonObject incoming)
    {
        var obj = (JsonObject)old.DeepClone();
        if (incoming["status"] is { } status)
        {
            obj["status"] = status.DeepClone();
        }
        else
        {
            obj.Remove("status");
        }

        return obj;
    }

    /// <summary>Whether this update bumps metadata.generation (spec changes; for Deployments also annotations).
    /// Always false for types that keep no generation (<see cref="TracksGeneration"/>).</summary>
    public bool ChangesGeneration(ApiResource resource, JsonObject old, JsonObject updated) => GenerationPolicy.Changes(resource, old, updated);

    /// <summary>Whether the type keeps metadata.generation at all (1 on create); ConfigMaps, Secrets, Services,
    /// Namespaces and most core types do not.</summary>
    public bool TracksGeneration(ApiResource resource) => GenerationPolicy.Tracks(resource);

    /// <summary>Frees what the object held (a Service's clusterIP and nodePorts) once it is deleted, or when
    /// storing a prepared create failed.</summary>
    public void Release(ApiResource resource, JsonObject deleted)
    {
        if (IsService(resource))
        {
            _services.Release(JsonTree.Existing(deleted, "spec"));
        }
    }

    private static bool IsService(ApiResource resource) => !resource.IsCustom && resource.Group.Length == 0 && resource.Kind == "Service";

    private static void CreateOnlyFields(ApiResource resource, JsonObject obj)
    {
        switch (resource.IsCustom ? "" : resource.Group, resource.Kind)
        {
            case ("", "Namespace") when JsonTree.Child(obj, "spec") is { } spec:
                RequireKubernetesFinalizer(spec);
                break;
            case ("batch", "Job") when JsonTree.Child(obj, "metadata") is { } metadata:
                JsonTree.Default(metadata, "uid", Guid.NewGuid().ToString());
                BatchDefaults.GenerateSelector(obj, JsonTree.Text(metadata, "uid")!);
                break;
        }
    }

    private static void RequireKubernetesFinalizer(JsonObject spec)
    {
        if (spec["finalizers"] is not JsonArray finalizers)
        {
            finalizers = [];
            spec["finalizers"] = finalizers;
        }

        if (!finalizers.Any(f => f is JsonValue v && v.TryGetValue(out string? s) && s == "kubernetes"))
        {
            finalizers.Add("kubernetes");
        }
    }

    private static void KeepServerOwnedFields(ApiResource resource, JsonObject old, JsonObject obj)
    {
        if (!resource.IsCustom && resource.Group.Length == 0 && resource.Kind == "Namespace" && JsonTree.Child(obj, "spec") is { } spec)
        {
            spec.Remove("finalizers");
            if (JsonTree.Existing(old, "spec")?["finalizers"] is { } finalizers)
            {
                spec["finalizers"] = finalizers.DeepClone();
            }
        }
    }

    private static void ThrowIfAny(ApiResource resource, JsonObject obj, List<StatusCause> causes)
    {
        if (causes.Count > 0)
        {
            throw StatusFactory.Invalid(resource, JsonTree.Name(obj), causes);
        }
    }
}
