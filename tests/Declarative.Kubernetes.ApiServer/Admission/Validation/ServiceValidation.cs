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

        foreach (var cause in Ports(spec))
        {
            yield return cause;
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

    /// <summary>validateServicePort: a name (a DNS-1123 label, unique) when there are several ports, and port and
    /// targetPort between 1 and 65535. A port without <c>port</c> is 0, and so is the targetPort defaulted from it.</summary>
    private static IEnumerable<StatusCause> Ports(JsonObject? spec)
    {
        var ports = JsonTree.Items(spec, "ports").ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (port, index) in ports)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"spec.ports[{index}]");
            var name = JsonTree.Text(port, "name") ?? string.Empty;
            if (ports.Count > 1 && name.Length == 0)
            {
                yield return StatusCause.Required($"{path}.name");
            }
            else if (name.Length > 0)
            {
                foreach (var message in NameRules.Dns1123Label(name))
                {
                    yield return StatusCause.InvalidValue($"{path}.name", ValueText.Render(name), message);
                }

                if (!names.Add(name))
                {
                    yield return PodSpecValidation.Duplicate($"{path}.name", name);
                }
            }

            var number = JsonTree.Number(port, "port") ?? 0;
            if (number is < 1 or > 65535)
            {
                yield return StatusCause.InvalidValue($"{path}.port", number.ToString(CultureInfo.InvariantCulture), NameRules.PortNumberMessage);
            }

            var target = port["targetPort"] is null ? number : JsonTree.Number(port, "targetPort");
            if (target is { } targetNumber && targetNumber is < 1 or > 65535)
            {
                yield return StatusCause.InvalidValue($"{path}.targetPort", targetNumber.ToString(CultureInfo.InvariantCulture), NameRules.PortNumberMessage);
            }
        }
    }
}
