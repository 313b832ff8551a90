using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog.Rules;

/// <summary>
/// ValidatePodSpec's container rules: container names are DNS-1123 labels and unique across containers and
/// initContainers; port names are unique within a container. That every port has a containerPort is the schema's
/// required check.
/// </summary>
internal static class PodSpecRules
{
    public static IEnumerable<Diagnostic> Validate(RenderedDocument document, string podSpec)
    {
        var diagnostics = new List<Diagnostic>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var (container, pointer) in JsonText.Items(document.Content, $"{podSpec}/{list}"))
            {
                Container(document, container is null ? null : pointer, seen, diagnostics);
            }
        }

        return diagnostics;
    }

    private static void Container(RenderedDocument document, string? pointer, Dictionary<string, string> seen, List<Diagnostic> diagnostics)
    {
        if (pointer is null)
        {
            return;
        }

        var namePointer = $"{pointer}/name";
        var name = JsonText.At(document.Content, namePointer);
        var path = FieldPath.FromPointer(document.Content, namePointer);
        if (name is { Length: > 0 })
        {
            if (NameSyntax.Dns1123Label(name) is { } problem)
            {
                diagnostics.Add(Invalid(document, namePointer, $"Invalid container name in {path}", $"\"{name}\" is not a valid container name: {problem}.", "Rename the container to a DNS label such as \"web\" or \"log-shipper\"."));
            }
            else if (seen.TryGetValue(name, out var first))
            {
                diagnostics.Add(Invalid(document, namePointer, $"Duplicate container name in {path}", $"The container name \"{name}\" is already used at {first}; names must be unique across containers and initContainers (Duplicate value: \"{name}\").", "Rename one of the two containers."));
            }
            else
            {
                seen[name] = path;
            }
        }

        var portNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (port, portPointer) in JsonText.Items(document.Content, $"{pointer}/ports"))
        {
            if (port is null)
            {
                continue;
            }

            var portPath = FieldPath.FromPointer(document.Content, portPointer);
            var portNamePointer = $"{portPointer}/name";
            if (JsonText.At(document.Content, portNamePointer) is { Length: > 0 } portName)
            {
                if (portNames.TryGetValue(portName, out var firstPort))
                {
                    diagnostics.Add(Invalid(document, portNamePointer, $"Duplicate port name in {portPath}.name", $"The port name \"{portName}\" is already used at {firstPort} in the same container (Duplicate value: \"{portName}\").", "Rename one of the two ports."));
                }
                else
                {
                    portNames[portName] = $"{portPath}.name";
                }
            }
        }
    }

    private static Diagnostic Invalid(RenderedDocument document, string pointer, string summary, string what, string fix) =>
        Diagnostic.Error(DiagnosticCodes.InvalidValue, summary, document.Source.Locate(pointer), what, fix);
}
