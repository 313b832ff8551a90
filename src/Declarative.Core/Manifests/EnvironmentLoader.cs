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
        // Templates render in file order; parsing, the larger cost for a big folder of plain manifests, runs on every
        // core, and its documents and diagnostics are taken back in file order.
        var sources = files.Value.Select(file => ReadFile(file, project, context, string.Empty, diagnostics)).ToList();
        foreach (var instance in project.Modules.Where(m => m.Environments is null || m.Environments.Value.Contains(environment.Name)))
        {
            sources.AddRange(ReadModule(project, instance, context, diagnostics));
        }

        var parsed = new (ImmutableArray<RenderedDocument> Documents, ImmutableArray<Diagnostic> Diagnostics)[sources.Count];
        Parallel.For(0, sources.Count, i => parsed[i] = Parse(sources[i]));
        foreach (var (documents, problems) in parsed)
        {
            diagnostics.AddRange(problems);
            foreach (var document in documents)
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

    /// <summary>The rendered files of one module instance: its inputs are the templates' <c>values</c>, its name
    /// <c>module.name</c>. Nothing is rendered when its inputs are wrong (every input problem is still reported).</summary>
    private IEnumerable<FileText?> ReadModule(ProjectDefinition project, ModuleInstance instance, TemplateContext context, DiagnosticBag diagnostics)
    {
        if (instance.Definition is not { } module)
        {
            return [];
        }

        var inputProblems = new DiagnosticBag();
        var inputs = ModuleInputs.Build(project, instance, module, context.Values, inputProblems);
        diagnostics.AddRange(inputProblems.ToImmutable());
        var files = ManifestFiles.Find(project with { Root = module.Root, Include = module.Include, Source = module.Source, IncludeIsDefault = module.IncludeIsDefault });
        diagnostics.AddRange(files.Diagnostics);
        if (inputProblems.HasErrors)
        {
            return [];
        }

        var moduleContext = context with { Values = inputs, ModuleName = instance.Name };
        return files.Value.Select(file => ReadFile(file, project, moduleContext, instance.Name, diagnostics)).ToList();
    }

    /// <summary>A file's text, rendered in an explicit project; null when it cannot be read or rendered.</summary>
    private FileText? ReadFile(string file, ProjectDefinition project, TemplateContext context, string module, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            if (Utf8SourceFile.Read(file, out var notUtf8) is not { } read)
            {
                diagnostics.Add(notUtf8!);
                return null;
            }

            text = read;
        }
        catch (IOException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileUnreadable, "Cannot read a manifest file", new SourceLocation(file, 1, 1), e.Message, "Check the file's permissions."));
            return null;
        }

        if (project.IsImplicit)
        {
            return new FileText(file, text, null, module);
        }

        var rendered = renderer.Render(text, file, context);
        diagnostics.AddRange(rendered.Diagnostics);
        return rendered.HasErrors ? null : new FileText(file, rendered.Value.Text, rendered.Value.LineMap, module);
    }

    private static (ImmutableArray<RenderedDocument> Documents, ImmutableArray<Diagnostic> Diagnostics) Parse(FileText? source)
    {
        if (source is null)
        {
            return ([], []);
        }

        var diagnostics = new DiagnosticBag();
        var parsed = ManifestReader.Read(source.Text, source.File, source.LineMap);
        diagnostics.AddRange(parsed.Diagnostics);
        var documents = parsed.Value.SelectMany(d => ToDocuments(d.Root, d.Source, diagnostics)).Select(d => d with { Module = source.Module }).ToImmutableArray();
        return (documents, diagnostics.ToImmutable());
    }

    private sealed record FileText(string File, string Text, Func<int, int>? LineMap, string Module);

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
