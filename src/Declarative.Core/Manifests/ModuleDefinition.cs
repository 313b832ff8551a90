using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Manifests;

/// <summary>
/// A module as declared by its <c>module.yaml</c>: the folder (<see cref="Root"/>, a full path), the include
/// patterns of its templated documents (relative to the folder) and its inputs by name. <see cref="Source"/> is the
/// module.yaml document, so problems with an input can point at its declaration. <see cref="IncludeIsDefault"/> is
/// true when module.yaml did not write <c>spec.include</c>: like a project's, a default pattern that matches nothing
/// (no <c>*.yml</c> template) is no error.
/// </summary>
public sealed record ModuleDefinition(
    string Root,
    ImmutableArray<string> Include,
    ImmutableSortedDictionary<string, ModuleInput> Inputs,
    DocumentSource Source,
    bool IncludeIsDefault = false);

/// <summary>One <c>spec.inputs.NAME</c> of a module. <see cref="Type"/> is one of <see cref="ModuleInputTypes"/>;
/// <see cref="Default"/> is null when the module gives none.</summary>
public sealed record ModuleInput(string Name, string Type, JsonNode? Default, bool Required, string? Description);

/// <summary>
/// One entry of <c>spec.modules</c> in declarative.yaml: the instance <see cref="Name"/> (unique in the project, the
/// module path of its addresses), the module it uses (null when module.yaml could not be read), the values written
/// for it, and the environments it exists in (null: all). <see cref="Pointer"/> is the entry in the project file.
/// </summary>
public sealed record ModuleInstance(
    string Name,
    string SourcePath,
    ModuleDefinition? Definition,
    JsonObject Values,
    ImmutableArray<string>? Environments,
    string Pointer);

/// <summary>The input types a module may declare, and whether a value has one of them.</summary>
public static class ModuleInputTypes
{
    public static readonly ImmutableArray<string> All = ["string", "number", "integer", "boolean", "map", "list", "any"];

    public static bool Accepts(string type, JsonNode? value) => value switch
    {
        null => true,
        _ when type == "any" => true,
        JsonObject => type == "map",
        JsonArray => type == "list",
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => type == "string",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => type == "boolean",
            System.Text.Json.JsonValueKind.Number => type == "number" || (type == "integer" && IsWhole(v)),
            _ => false,
        },
        _ => false,
    };

    /// <summary>The type with its article, for messages: "an integer", "a map".</summary>
    public static string Describe(string type) => type is "integer" or "any" ? $"an {type}" : $"a {type}";

    private static bool IsWhole(JsonValue value) =>
        value.TryGetValue<long>(out _) || (value.TryGetValue<double>(out var d) && Math.Floor(d) == d);
}
