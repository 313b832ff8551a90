using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission.Allocation;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>The Service checks clients meet first (ValidateService): ports are required unless the Service is
/// headless or ExternalName, and node ports only go with the types that open them.</summary>
internal static class ServiceValidation
{
    public static IEnumerable<StatusCause> Validate(JsonObject? spec)
    {
        var type = ServiceShape.Type(spec);
        if (type != "ExternalName" && !ServiceShape.IsHeadless(spec) && spec?["ports"] is not JsonArray { Count: > 0 })
        {
            yield return StatusCause.Required("spec.ports");
        }

        if (type is not ("ClusterIP" or "ExternalName"))
        {
            yield break;
        }

        foreach (var (_, index, nodePort) in ServiceShape.Ports(spec))
        {
            if (nodePort is > 0)
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"spec.ports[{index}].nodePort");
                yield return Causes.Forbidden(field, $"may not be used when `type` is '{type}'");
            }
        }
    }
}
