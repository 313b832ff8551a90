using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>
/// The values one module instance's templates see as <c>values.*</c>, layered (later wins, maps merge deeply):
/// the module's input defaults, the instance's <c>values</c> in declarative.yaml, then the project's values under
/// the instance's name (values files and <c>--set NAME.x=…</c>). Every layer is checked against the declared
/// inputs: an unknown or ill-typed input, or a required one left without a value, is an error naming the instance.
/// </summary>
internal static class ModuleInputs
{
    public static JsonObject Build(ProjectDefinition project, ModuleInstance instance, ModuleDefinition module, JsonObject projectValues, DiagnosticBag diagnostics)
    {
        var values = new JsonObject();
        foreach (var input in module.Inputs.Values.Where(i => i.Default is not null))
        {
            values[input.Name] = input.Default!.DeepClone();
        }

        var written = instance.Pointer + "/values";
        // An input given a value of the wrong type is reported as such, not also as missing.
        var given = new HashSet<string>(StringComparer.Ordinal);
        Overlay(values, given, instance.Values, module, instance, key => project.Source?.LocateKey(JsonPointer.Append(written, key)), "The modules entry's values", diagnostics);
        switch (projectValues[instance.Name])
        {
            case null:
                break;
            case JsonObject fromProject:
                Overlay(values, given, fromProject, module, instance, _ => project.Source?.Locate(instance.Pointer + "/name"), $"The project's values.{instance.Name} (values files, --values or --set)", diagnostics);
                break;
            case var other:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModuleInput, $"values.{instance.Name} must be a map of module inputs", project.Source?.Locate(instance.Pointer + "/name"), $"The project's values give module instance \"{instance.Name}\" {JsonText.Describe(other)}.", $"Write the inputs of \"{instance.Name}\" as a map under values.{instance.Name}."));
                break;
        }

        foreach (var input in module.Inputs.Values.Where(i => i.Required && values[i.Name] is null && !given.Contains(i.Name)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModuleInput, $"Module instance \"{instance.Name}\" needs input \"{input.Name}\"", project.Source?.Locate(instance.Pointer + "/name"), $"The input is required and has no value{Described(input)}.", $"Set it under values in the modules entry, or as values.{instance.Name}.{input.Name} in the project's values."));
        }

        return values;
    }

    private static void Overlay(JsonObject values, HashSet<string> given, JsonObject layer, ModuleDefinition module, ModuleInstance instance, Func<string, SourceLocation?> locate, string origin, DiagnosticBag diagnostics)
    {
        foreach (var (key, value) in layer)
        {
            if (!module.Inputs.TryGetValue(key, out var input))
            {
                var known = module.Inputs.Count == 0 ? "none" : string.Join(", ", module.Inputs.Keys);
                var suggestion = Suggestions.Closest(key, module.Inputs.Keys) is { } closest ? $"Did you mean \"{closest}\"? " : string.Empty;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModuleInput, $"Unknown input \"{key}\" for module instance \"{instance.Name}\"", locate(key), $"{origin} set \"{key}\"; the module {instance.SourcePath} declares the inputs: {known}.", $"{suggestion}Remove it, fix its spelling, or declare it under spec.inputs in module.yaml."));
                continue;
            }

            given.Add(key);
            if (!ModuleInputTypes.Accepts(input.Type, value))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModuleInput, $"Input \"{key}\" of module instance \"{instance.Name}\" must be {ModuleInputTypes.Describe(input.Type)}", locate(key), $"{origin} set it to {JsonText.Describe(value)}.", $"Give \"{key}\" {ModuleInputTypes.Describe(input.Type)} value."));
                continue;
            }

            ValueLayers.Merge(values, new JsonObject { [key] = value?.DeepClone() });
        }
    }

    private static string Described(ModuleInput input) => input.Description is null ? string.Empty : $" ({input.Description})";
}
