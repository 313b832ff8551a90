using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>Reads a module's <c>module.yaml</c> (never templated) strictly, like declarative.yaml: unknown fields,
/// unknown input types and nested modules are errors located in the file.</summary>
internal static class ModuleFileParser
{
    private static readonly ImmutableArray<string> DefaultInclude = ["templates/**/*.yaml", "templates/**/*.yml"];
    private static readonly string[] TopFields = ModuleFileFormat.Document.FieldNames;
    private static readonly string[] SpecFields = ModuleFileFormat.Spec.FieldNames;
    private static readonly string[] InputFields = ModuleFileFormat.Input.FieldNames;

    /// <param name="declaredAt">The <c>source</c> of the modules entry that names this folder.</param>
    public static StageResult<ModuleDefinition?> Parse(string folder, SourceLocation? declaredAt)
    {
        var file = Path.Combine(folder, WellKnown.ModuleFileName);
        if (!File.Exists(file))
        {
            return Fail(Diagnostic.Error(DiagnosticCodes.InvalidModule, "Module not found", declaredAt, $"\"{file}\" does not exist.", "Point source at a folder that holds module.yaml (relative to the project folder)."));
        }

        if (Utf8SourceFile.Read(file, out var notUtf8) is not { } text)
        {
            return Fail(notUtf8!);
        }

        var read = YamlDocumentReader.Read(text, file);
        if (read.HasErrors)
        {
            return new(null, read.Diagnostics);
        }

        if (read.Value.Length != 1 || read.Value[0].Root is not JsonObject root)
        {
            return Fail(Diagnostic.Error(DiagnosticCodes.InvalidModule, "module.yaml must hold exactly one Module document", new SourceLocation(file, 1, 1), $"Found {read.Value.Length} documents.", "Keep one document with apiVersion: declarative.dev/v1 and kind: Module."));
        }

        var source = read.Value[0].Source;
        var reader = new NodeReader(source, "module.yaml");
        if (JsonPointer.Get(root, "/spec/modules") is not null)
        {
            reader.Add(Diagnostic.Error(DiagnosticCodes.InvalidModule, "No nested modules in v1", source.LocateKey("/spec/modules"), "A module cannot use other modules.", "Use both modules from the project's declarative.yaml instead."));
            root = (JsonObject)root.DeepClone();
            ((JsonObject)root["spec"]!).Remove("modules");
        }

        reader.CheckFields(root, string.Empty, TopFields);
        reader.RequireString(root, "/apiVersion", WellKnown.ProjectApiVersion);
        reader.RequireString(root, "/kind", WellKnown.ModuleKind);
        reader.CheckFields(reader.Object(root, "/spec"), "/spec", SpecFields);
        var written = reader.StringList(root, "/spec/include");
        var inputs = ReadInputs(reader, root);
        return new(new ModuleDefinition(folder, written ?? DefaultInclude, inputs, source, IncludeIsDefault: written is null), reader.Diagnostics);
    }

    private static ImmutableSortedDictionary<string, ModuleInput> ReadInputs(NodeReader reader, JsonObject root)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, ModuleInput>(StringComparer.Ordinal);
        foreach (var (name, node) in reader.Object(root, "/spec/inputs") ?? [])
        {
            var pointer = JsonPointer.Append("/spec/inputs", name);
            if (node is not JsonObject)
            {
                reader.Object(root, pointer);
                continue;
            }

            var input = reader.Object(root, pointer)!;
            reader.CheckFields(input, pointer, InputFields);
            var type = reader.String(root, pointer + "/type") ?? "any";
            if (!ModuleInputTypes.All.Contains(type))
            {
                reader.Add(Diagnostic.Error(DiagnosticCodes.InvalidModule, $"Unknown input type \"{type}\"", reader.Source.Locate(pointer + "/type"), $"Input \"{name}\" has type \"{type}\".", $"Use one of: {string.Join(", ", ModuleInputTypes.All)}."));
                type = "any";
            }

            var required = false;
            if (input["required"] is { } requiredNode)
            {
                if (requiredNode is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    required = v.GetValue<bool>();
                }
                else
                {
                    reader.Add(Diagnostic.Error(DiagnosticCodes.WrongType, $"spec.inputs.{name}.required must be a boolean", reader.Source.Locate(pointer + "/required"), $"Found {JsonText.Describe(requiredNode)}.", "Write required: true or required: false."));
                }
            }

            var fallback = input["default"]?.DeepClone();
            if (!ModuleInputTypes.Accepts(type, fallback))
            {
                reader.Add(Diagnostic.Error(DiagnosticCodes.InvalidModule, $"The default of input \"{name}\" is not {ModuleInputTypes.Describe(type)}", reader.Source.Locate(pointer + "/default"), $"Found {JsonText.Describe(fallback!)}.", $"Write {ModuleInputTypes.Describe(type)} default or change the type."));
            }

            result[name] = new ModuleInput(name, type, fallback, required, reader.String(root, pointer + "/description"));
        }

        return result.ToImmutable();
    }

    private static StageResult<ModuleDefinition?> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
