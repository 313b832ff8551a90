using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>Reads <c>spec.modules</c> of declarative.yaml: each entry's name (a unique label value: it is the
/// module path of the instance's addresses), source folder (relative to the project), values and environments; and
/// each used module's module.yaml, read once per instance.</summary>
internal static class ModuleInstancesReader
{
    private static readonly string[] EntryFields = ProjectFileFormat.ModuleEntry.FieldNames;

    public static ImmutableArray<ModuleInstance> Read(NodeReader reader, JsonObject root, string projectRoot, IReadOnlyCollection<string> environments)
    {
        var node = JsonPointer.Get(root, "/spec/modules");
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray entries)
        {
            reader.Add(Diagnostic.Error(DiagnosticCodes.WrongType, "spec.modules must be a list", reader.Source.Locate("/spec/modules"), $"Found {JsonText.Describe(node)}.", "Write one list item per module instance: - { name: web, source: ../modules/web-service }."));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ModuleInstance>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        // One module used many times is read once: its problems are reported once.
        var modules = new Dictionary<string, ModuleDefinition?>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var pointer = JsonPointer.Append("/spec/modules", i);
            if (reader.Object(root, pointer) is not { } entry)
            {
                continue;
            }

            reader.CheckFields(entry, pointer, EntryFields);
            var name = reader.String(root, pointer + "/name", required: true);
            var source = reader.String(root, pointer + "/source", required: true);
            var values = reader.Object(root, pointer + "/values") ?? [];
            var limitedTo = reader.StringList(root, pointer + "/environments");
            if (name is null || source is null)
            {
                continue;
            }

            if (!NameRules.IsValidName(name))
            {
                reader.Add(Diagnostic.Error(DiagnosticCodes.InvalidName, "Invalid module instance name", reader.Source.Locate(pointer + "/name"), NameRules.Explain("module instance", name), "Rename the instance."));
            }
            else if (seen.TryGetValue(name, out var first))
            {
                reader.Add(Diagnostic.Error(DiagnosticCodes.InvalidModule, $"Two module instances are named \"{name}\"", reader.Source.Locate(pointer + "/name"), $"The first is at {reader.Source.Locate(first + "/name")}.", "Give each use of a module its own name: it prefixes the addresses of its resources."));
            }
            else
            {
                seen[name] = pointer;
            }

            CheckEnvironments(reader, pointer, limitedTo, environments);
            var folder = Path.GetFullPath(Path.Combine(projectRoot, source));
            if (!modules.TryGetValue(folder, out var definition))
            {
                var parsed = ModuleFileParser.Parse(folder, reader.Source.Locate(pointer + "/source"));
                foreach (var diagnostic in parsed.Diagnostics)
                {
                    reader.Add(diagnostic);
                }

                definition = parsed.Value;
                modules[folder] = definition;
            }

            result.Add(new ModuleInstance(name, source, definition, (JsonObject)values.DeepClone(), limitedTo, pointer));
        }

        return result.ToImmutable();
    }

    private static void CheckEnvironments(NodeReader reader, string pointer, ImmutableArray<string>? limitedTo, IReadOnlyCollection<string> environments)
    {
        for (var i = 0; i < (limitedTo?.Length ?? 0); i++)
        {
            var name = limitedTo!.Value[i];
            if (!environments.Contains(name))
            {
                reader.Add(Diagnostic.Error(DiagnosticCodes.UnknownEnvironment, $"Module instance is limited to unknown environment \"{name}\"", reader.Source.Locate(JsonPointer.Append(pointer + "/environments", i)), $"The project has the environments {string.Join(", ", environments)}.", "Fix the name, or add the environment under spec.environments."));
            }
        }
    }
}
