using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Tests.Catalog;

/// <summary>
/// Builds a <see cref="RenderedDocument"/> from JSON text with a fake position for every node: the n-th node
/// in document order is on line n, its key at column 1 and its value at column 20, so a test can tell a
/// key location from a value location.
/// </summary>
internal static class TestDocument
{
    public const string File = "/project/docker.yaml";
    public const int KeyColumn = 1;
    public const int ValueColumn = 20;

    public static RenderedDocument Parse(string json)
    {
        var content = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("Not an object.", nameof(json));
        var values = ImmutableDictionary.CreateBuilder<string, SourcePosition>(StringComparer.Ordinal);
        var keys = ImmutableDictionary.CreateBuilder<string, SourcePosition>(StringComparer.Ordinal);
        var line = 1;
        values[string.Empty] = new SourcePosition(line, ValueColumn);
        Assign(content, string.Empty, values, keys, ref line);
        return new RenderedDocument(content, new DocumentSource(File, 0, new SourcePosition(1, 1), values.ToImmutable(), keys.ToImmutable()));
    }

    /// <summary>A whole Docker document of <paramref name="kind"/> named "web" with <paramref name="spec"/>.</summary>
    public static RenderedDocument Of(string kind, string spec) =>
        Parse($$"""{"apiVersion":"docker.declarative.dev/v1","kind":"{{kind}}","metadata":{"name":"web"},"spec":{{spec}}}""");

    /// <summary>A resource as Core would hand it to GetDependencies.</summary>
    public static Resource Resource(string kind, string spec)
    {
        var document = Of(kind, spec);
        var type = new ResourceType("docker.declarative.dev/v1", kind);
        return new Resource(
            new ResourceAddress(string.Empty, "docker.declarative.dev", kind, null, "web"),
            type,
            ResourceScope.Cluster,
            "docker",
            document.Content,
            document.Source);
    }

    public static SourceLocation KeyAt(this RenderedDocument document, string pointer) =>
        new(File, document.Source.KeyPositions[pointer].Line, KeyColumn);

    public static SourceLocation ValueAt(this RenderedDocument document, string pointer) =>
        new(File, document.Source.ValuePositions[pointer].Line, ValueColumn);

    private static void Assign(
        JsonNode? node,
        string pointer,
        ImmutableDictionary<string, SourcePosition>.Builder values,
        ImmutableDictionary<string, SourcePosition>.Builder keys,
        ref int line)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                var childPointer = JsonPointer.Append(pointer, key);
                line++;
                keys[childPointer] = new SourcePosition(line, KeyColumn);
                values[childPointer] = new SourcePosition(line, ValueColumn);
                Assign(child, childPointer, values, keys, ref line);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var childPointer = JsonPointer.Append(pointer, i);
                line++;
                values[childPointer] = new SourcePosition(line, ValueColumn);
                Assign(array[i], childPointer, values, keys, ref line);
            }
        }
    }
}
