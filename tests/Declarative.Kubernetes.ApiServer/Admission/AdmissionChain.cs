using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Admission;

/// <summary>
/// What the server does to an object between decoding and storage (reference sections 3.3, 3.4 and 6.2):
/// defaulting, allocation (Service clusterIP and nodePorts), validation and immutability. Methods return a new
/// object and never mutate their inputs; a rejected object is an <see cref="Errors.ApiError"/> 422 Invalid.
/// </summary>
public sealed class AdmissionChain(TimeProvider clock)
{
    public TimeProvider Clock => clock;

    /// <summary>Defaults, allocates and validates an object being created.</summary>
    public JsonObject PrepareForCreate(ApiResource resource, JsonObject incoming) => (JsonObject)incoming.DeepClone();

    /// <summary>Defaults and validates an update of <paramref name="old"/> to <paramref name="incoming"/>: keeps
    /// allocations, rejects changes of immutable fields.</summary>
    public JsonObject PrepareForUpdate(ApiResource resource, JsonObject old, JsonObject incoming) => (JsonObject)incoming.DeepClone();

    /// <summary>Whether this update bumps metadata.generation (spec changes; for Deployments also annotations).</summary>
    public bool ChangesGeneration(ApiResource resource, JsonObject old, JsonObject updated) =>
        !JsonNode.DeepEquals(old["spec"], updated["spec"]);

    /// <summary>Frees what the object held (a Service's clusterIP and nodePorts) once it is deleted.</summary>
    public void Release(ApiResource resource, JsonObject deleted)
    {
    }
}
