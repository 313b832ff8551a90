using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog.Schema;
using Declarative.Providers.Docker.Catalog.Syntax;

namespace Declarative.Providers.Docker.Catalog;

/// <summary>
/// The required edges a Docker resource implies: Image -> its Registry, Container -> the named Volumes it
/// mounts and the Networks it joins (not the built-in bridge, host and none). <c>${image:NAME}</c> is not
/// here: Core turns reference schemes into edges. Invalid entries imply nothing (Validate reports them).
/// </summary>
internal static class DockerDependencies
{
    public static IEnumerable<DependencyRequest> For(Resource resource) => resource.Type.Kind switch
    {
        DockerKinds.Image => Registry(resource.Content),
        DockerKinds.Container => Volumes(resource.Content).Concat(Networks(resource.Content)),
        _ => [],
    };

    private static IEnumerable<DependencyRequest> Registry(JsonObject content)
    {
        const string pointer = "/spec/registry";
        if (Name(JsonPointer.Get(content, pointer)) is { } name)
        {
            yield return Edge(content, pointer, DockerKinds.Registry, name);
        }
    }

    private static IEnumerable<DependencyRequest> Volumes(JsonObject content)
    {
        foreach (var (pointer, text) in Strings(content, "/spec/volumes"))
        {
            if (VolumeMount.Parse(text) is { IsHostPath: false } mount)
            {
                yield return Edge(content, pointer, DockerKinds.Volume, mount.Source);
            }
        }
    }

    private static IEnumerable<DependencyRequest> Networks(JsonObject content) =>
        from entry in Strings(content, "/spec/networks")
        where DockerNames.IsObjectName(entry.Text) && !DockerKinds.BuiltInNetworks.Contains(entry.Text)
        select Edge(content, entry.Pointer, DockerKinds.Network, entry.Text);

    private static IEnumerable<(string Pointer, string Text)> Strings(JsonObject content, string listPointer)
    {
        if (JsonPointer.Get(content, listPointer) is not JsonArray list)
        {
            yield break;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } item && JsonKinds.IsScalar(item, ScalarType.String))
            {
                yield return (JsonPointer.Append(listPointer, i), item.GetValue<string>());
            }
        }
    }

    private static string? Name(JsonNode? node) =>
        node is not null && JsonKinds.IsScalar(node, ScalarType.String) && DockerNames.IsObjectName(node.GetValue<string>())
            ? node.GetValue<string>()
            : null;

    private static DependencyRequest Edge(JsonObject content, string pointer, string kind, string name) => new(
        new ReferenceTarget(DockerKinds.Group, kind, null, name),
        $"{FieldPath.FromPointer(content, pointer)} names {kind} {name}",
        DependencyKind.Required,
        pointer);
}
