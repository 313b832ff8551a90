using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog.Rules;

/// <summary>validateServicePort: several ports each need a name, and names are unique. That every port has a port
/// number is the schema's required check.</summary>
internal static class ServiceRules
{
    public static IEnumerable<Diagnostic> Validate(RenderedDocument document)
    {
        var ports = JsonText.Items(document.Content, "/spec/ports").Where(p => p.Item is not null).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, pointer) in ports)
        {
            var path = FieldPath.FromPointer(document.Content, pointer);
            var name = JsonText.At(document.Content, $"{pointer}/name");
            if (string.IsNullOrEmpty(name))
            {
                if (ports.Count > 1)
                {
                    yield return Diagnostic.Error(
                        DiagnosticCodes.MissingField,
                        $"Missing field {path}.name",
                        document.Source.Locate(pointer),
                        $"The Service has {ports.Count} ports, and then each port needs a name ({path}.name: Required value).",
                        $"Add {path}.name, for example \"http\".");
                }
            }
            else if (names.TryGetValue(name, out var first))
            {
                yield return Diagnostic.Error(
                    DiagnosticCodes.InvalidValue,
                    $"Duplicate port name in {path}.name",
                    document.Source.Locate($"{pointer}/name"),
                    $"The port name \"{name}\" is already used at {first} (Duplicate value: \"{name}\").",
                    "Rename one of the two ports.");
            }
            else
            {
                names[name] = $"{path}.name";
            }
        }
    }
}
