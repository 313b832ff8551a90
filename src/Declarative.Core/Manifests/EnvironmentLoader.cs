using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;
using Declarative.Core.Templating;

namespace Declarative.Core.Manifests;

/// <summary>
/// Loads one environment's documents: values layered, files included, templated (explicit projects only),
/// parsed, lists expanded, and split by the environments annotation.
/// </summary>
public sealed class EnvironmentLoader(TemplateRenderer renderer, IReadOnlyDictionary<string, string> environmentVariables)
{
    public StageResult<LoadedEnvironment?> Load(ProjectDefinition project, EnvironmentDefinition environment, LoadRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var values = ValueLayers.Build(project, environment, request);
        diagnostics.AddRange(values.Diagnostics);
        var files = ManifestFiles.Find(project);
        diagnostics.AddRange(files.Diagnostics);
        if (diagnostics.HasErrors)
        {
            return new(null, diagnostics.ToImmutable());
        }

        var context = new TemplateContext(values.Value, environment.Name, project.Name, null, environmentVariables);
        var kept = ImmutableArray.CreateBuilder<RenderedDocument>();
        var excluded = ImmutableArray.CreateBuilder<ExcludedDocument>();
        foreach (var file in files.Value)
        {
            foreach (var document in ReadFile(file, project, context, diagnostics))
            {
                var limitedTo = EnvironmentAnnotation.Read(document, project, diagnostics);
                if (limitedTo is null || limitedTo.Value.Contains(environment.Name))
                {
                    kept.Add(EnvironmentAnnotation.Strip(document));
                }
                else
                {
                    excluded.Add(new ExcludedDocument(EnvironmentAnnotation.Strip(document), limitedTo.Value));
                }
            }
        }

        var loaded = new LoadedEnvironment(project, environment, values.Value, kept.ToImmutable(), excluded.ToImmutable());
        return new(loaded, diagnostics.ToImmutable());
    }

    private IEnumerable<RenderedDocument> ReadFile(string file, ProjectDefinition project, TemplateContext context, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileUnreadable, "Cannot read a manifest file", new SourceLocation(file, 1, 1), e.Message, "Check the file's permissions."));
            return [];
        }

        Func<int, int>? lineMap = null;
        if (!project.IsImplicit)
        {
            var rendered = renderer.Render(text, file, context);
            diagnostics.AddRange(rendered.Diagnostics);
            if (rendered.HasErrors)
            {
                return [];
            }

            (text, lineMap) = (rendered.Value.Text, rendered.Value.LineMap);
        }

        var parsed = ManifestReader.Read(text, file, lineMap);
        diagnostics.AddRange(parsed.Diagnostics);
        return parsed.Value.SelectMany(d => ToDocuments(d.Root, d.Source, diagnostics)).ToList();
    }

    private static IEnumerable<RenderedDocument> ToDocuments(JsonNode? root, DocumentSource source, DiagnosticBag diagnostics)
    {
        if (root is null)
        {
            yield break;
        }

        if (root is not JsonObject content)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotAnObject, "A document must be a map", source.Locate(string.Empty), $"Document {source.Index + 1} of the file is {JsonText.Describe(root)}.", "Write each resource as a map with apiVersion, kind and metadata."));
            yield break;
        }

        if (DocumentSlicer.IsList(content))
        {
            foreach (var (item, itemSource) in DocumentSlicer.Items(content, source))
            {
                foreach (var document in ToDocuments(item, itemSource, diagnostics))
                {
                    yield return document;
                }
            }

            yield break;
        }

        yield return new RenderedDocument(content, source);
    }
}
