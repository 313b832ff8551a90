using System.Text.Json.Nodes;
using Declarative.Core.Manifests;

namespace Declarative.Core.Schemas;

/// <summary>The JSON Schemas (draft 2020-12) of declarative.yaml and module.yaml, written from the definitions their
/// parsers read their fields from (<see cref="ProjectFileFormat"/>, <see cref="ModuleFileFormat"/>).</summary>
public static class FileFormatSchemas
{
    public static JsonObject Project() => WithHeader(ProjectFileFormat.Document, "Declarative project (declarative.yaml)");

    public static JsonObject Module() => WithHeader(ModuleFileFormat.Document, "Declarative module (module.yaml)");

    private static JsonObject WithHeader(FormatNode document, string title)
    {
        var schema = new JsonObject { ["$schema"] = JsonSchemaFragments.Draft, ["title"] = title };
        foreach (var (key, value) in document.ToJsonSchema())
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }
}
