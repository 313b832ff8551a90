using System.Text.Json.Nodes;
using Declarative.Core.Schemas;
using static Declarative.Core.Manifests.ProjectFileFormat;

namespace Declarative.Core.Manifests;

/// <summary>module.yaml (docs/modules.md): the fields <see cref="ModuleFileParser"/> accepts, and the JSON Schema of
/// the file. A default must have its input's type.</summary>
internal static class ModuleFileFormat
{
    public static readonly FormatNode Input = Map(
        "One input of the module; the key is its name.",
        Field("type", new FormatNode("The input's type. Default: any.") { Type = "string", Enum = ModuleInputTypes.All }),
        Field("default", new FormatNode("The value when nothing else gives one; it must have the input's type.")),
        Field("required", new FormatNode("true: an instance must end up with a non-null value.") { Type = "boolean" }),
        Field("description", Text("Shown in the error when a required input is missing."))) with
    {
        Nullable = true,
        Conditions = [.. ModuleInputTypes.All.Where(type => JsonType(type) is not null).Select(TypedDefault)],
    };

    public static readonly FormatNode Spec = Map(
        "What the module holds.",
        Field("include", Texts("Globs of the module's documents, relative to the module folder. Default: templates/**/*.yaml and templates/**/*.yml.")),
        Field("inputs", new FormatNode("The module's inputs, by name.") { Type = "object", Values = Input }));

    public static readonly FormatNode Document = Map(
        "module.yaml: a Declarative module (docs/modules.md).",
        Field("apiVersion", new FormatNode("Always declarative.dev/v1.") { Const = WellKnown.ProjectApiVersion }, required: true),
        Field("kind", new FormatNode("Always Module.") { Const = WellKnown.ModuleKind }, required: true),
        Field("metadata", new FormatNode("Free-form: the name is for readers; the instance name is what counts.")),
        Field("spec", Spec));

    /// <summary>The JSON Schema type of a module input type; null for any.</summary>
    private static string? JsonType(string type) => type switch
    {
        "string" or "number" or "integer" or "boolean" => type,
        "map" => "object",
        "list" => "array",
        _ => null,
    };

    private static FormatCondition TypedDefault(string type) => new(
        "type",
        type,
        () => new JsonObject
        {
            ["properties"] = new JsonObject { ["default"] = new JsonObject { ["type"] = new JsonArray(JsonType(type)!, "null") } },
        },
        null);
}
