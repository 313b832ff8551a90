using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Schemas;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Cli.Commands;

/// <summary>One JSON Schema <c>decl schema</c> prints: the name it is asked for by, its file in docs/schemas, what it
/// describes, and how it is made.</summary>
internal sealed record SchemaEntry(string Name, string FileName, string Describes, Func<JsonObject> Build);

/// <summary>Every schema decl knows: declarative.yaml, module.yaml, each Docker kind, and one for files that mix
/// Docker kinds. Each is generated from the definitions the validators use.</summary>
internal static class SchemaCatalog
{
    public static ImmutableArray<SchemaEntry> All { get; } =
    [
        new("project", "project.schema.json", "declarative.yaml", FileFormatSchemas.Project),
        new("module", "module.schema.json", "module.yaml", FileFormatSchemas.Module),
        .. DockerJsonSchemas.Kinds.Select(kind => new SchemaEntry(
            kind,
            $"{kind.ToLowerInvariant()}.schema.json",
            $"a Docker {kind} document",
            () => DockerJsonSchemas.ForKind(kind))),
        new("docker", "docker.schema.json", "a file of Docker documents of any kinds", DockerJsonSchemas.ForAnyKind),
    ];

    /// <summary>The entry named <paramref name="name"/>, in any case ("container" is Container).</summary>
    public static SchemaEntry? Find(string name) =>
        All.FirstOrDefault(entry => string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase));
}
