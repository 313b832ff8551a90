using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Schemas;

/// <summary>Reads YAML text as the loader does (with real line and column positions) and validates every document
/// with one catalog, all documents forming the project.</summary>
internal static class YamlDocuments
{
    public const string File = "/project/app.yaml";

    public static List<RenderedDocument> Read(string yaml)
    {
        var read = ManifestReader.Read(yaml, File);
        Assert.Empty(read.Diagnostics);
        return [.. read.Value.Select(d => new RenderedDocument(d.Root!.AsObject(), d.Source))];
    }

    /// <summary>The diagnostics of every document of <paramref name="yaml"/>, as "line:col CODE summary".</summary>
    public static List<Core.Diagnostics.Diagnostic> Validate(string yaml)
    {
        var documents = Read(yaml);
        var catalog = new KubernetesKindCatalog();
        var context = new CatalogContext([.. documents], "default");
        return [.. documents.SelectMany(d => catalog.Validate(d, context))];
    }

    public static List<string> Located(string yaml) =>
        [.. Validate(yaml).Select(d => $"{d.Location!.Line}:{d.Location.Column} {d.Code} {d.Summary}")];
}
