using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Graph;

/// <summary>Resolves and builds a graph from JSON documents with <see cref="TestCatalog"/>, and prints
/// diagnostics the way the CLI does, so tests compare whole messages.</summary>
internal static class GraphFixture
{
    public const string DefaultNamespace = "dflt";

    public static IReadOnlyList<IKindCatalog> Catalogs { get; } = [new TestCatalog()];

    public static StageResult<ResourceGraph> Build(params string[] jsons) => Build([], jsons);

    public static StageResult<ResourceGraph> Build(ImmutableArray<ExcludedDocument> excluded, params string[] jsons)
    {
        var documents = GraphDocuments.ParseAll(jsons);
        var context = new CatalogContext(documents, DefaultNamespace);
        var resolved = ResourceResolver.Resolve(documents, Catalogs, context);
        Assert.Empty(resolved.Diagnostics);
        return ResourceGraphBuilder.Build(resolved.Value, Catalogs, context, excluded);
    }

    /// <summary>A one-line document: <c>{"apiVersion":"test.dev/v1","kind":KIND,"metadata":{...},"spec":SPEC}</c>.</summary>
    public static string Doc(string kind, string name, string? spec = null, string? dependsOn = null, string? ns = null, string group = "test.dev")
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (dependsOn is not null)
        {
            metadata["annotations"] = new JsonObject { [WellKnown.DependsOnAnnotation] = dependsOn };
        }

        var document = new JsonObject { ["apiVersion"] = $"{group}/v1", ["kind"] = kind, ["metadata"] = metadata };
        if (spec is not null)
        {
            document["spec"] = JsonNode.Parse(spec);
        }

        return document.ToJsonString();
    }

    public static string Print(Diagnostic diagnostic) =>
        $"{diagnostic.Location}: {diagnostic.Code} {diagnostic.Summary}\n" + string.Concat(diagnostic.Detail.Select(line => $"  {line}\n"));

    public static string PrintAll(IEnumerable<Diagnostic> diagnostics) => string.Concat(diagnostics.Select(Print));
}
