using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>The container checks of ValidatePodSpec (kubernetes pkg/apis/core/validation): container names are
/// DNS-1123 labels, unique across containers and initContainers (validateInitContainers seeds its set with the
/// regular containers' names); port names are IANA service names, unique within a container; every port has
/// a containerPort between 1 and 65535.</summary>
internal static class PodSpecValidation
{
    public static IEnumerable<StatusCause> Validate(JsonObject? podSpec, string path)
    {
        if (podSpec is null)
        {
            return [];
        }

        var causes = new List<StatusCause>();
        var containers = JsonTree.Items(podSpec, "containers").ToList();
        if (containers.Count == 0)
        {
            causes.Add(StatusCause.Required($"{path}.containers"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (container, index) in containers)
        {
            Container(container, Indexed($"{path}.containers", index), names, causes);
        }

        foreach (var (container, index) in JsonTree.Items(podSpec, "initContainers"))
        {
            Container(container, Indexed($"{path}.initContainers", index), names, causes);
        }

        return causes;
    }

    private static void Container(JsonObject container, string path, HashSet<string> names, List<StatusCause> causes)
    {
        var name = JsonTree.Text(container, "name") ?? string.Empty;
        if (name.Length == 0)
        {
            causes.Add(StatusCause.Required($"{path}.name"));
        }
        else
        {
            causes.AddRange(NameRules.Dns1123Label(name).Select(m => StatusCause.InvalidValue($"{path}.name", ValueText.Render(name), m)));
            if (!names.Add(name))
            {
                causes.Add(Duplicate($"{path}.name", name));
            }
        }

        var portNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (port, index) in JsonTree.Items(container, "ports"))
        {
            var portPath = Indexed($"{path}.ports", index);
            var portName = JsonTree.Text(port, "name") ?? string.Empty;
            if (portName.Length > 0)
            {
                var messages = NameRules.PortName(portName).ToList();
                causes.AddRange(messages.Select(m => StatusCause.InvalidValue($"{portPath}.name", ValueText.Render(portName), m)));
                if (messages.Count == 0 && !portNames.Add(portName))
                {
                    causes.Add(Duplicate($"{portPath}.name", portName));
                }
            }

            var number = JsonTree.Number(port, "containerPort") ?? 0;
            if (number == 0)
            {
                causes.Add(StatusCause.Required($"{portPath}.containerPort"));
            }
            else if (number is < 1 or > 65535)
            {
                causes.Add(StatusCause.InvalidValue($"{portPath}.containerPort", number.ToString(CultureInfo.InvariantCulture), NameRules.PortNumberMessage));
            }
        }
    }

    public static StatusCause Duplicate(string field, string value) => new("FieldValueDuplicate", $"Duplicate value: {ValueText.Render(value)}", field);

    private static string Indexed(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}
