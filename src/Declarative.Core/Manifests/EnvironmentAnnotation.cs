using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary><c>declarative.dev/environments: "local,dev"</c> limits a document to those environments; the
/// annotation is ours, so it is stripped before anything is applied.</summary>
internal static class EnvironmentAnnotation
{
    private static readonly string Pointer = "/metadata/annotations/" + JsonPointer.Escape(WellKnown.EnvironmentsAnnotation);

    /// <summary>The environments the document is limited to (null: all), with a diagnostic for unknown ones.</summary>
    public static ImmutableArray<string>? Read(RenderedDocument document, ProjectDefinition project, DiagnosticBag diagnostics)
    {
        var node = JsonPointer.Get(document.Content, Pointer);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType, "The environments annotation must be a string", document.Source.Locate(Pointer), $"Found {JsonText.Describe(node)}.", "Write it as a quoted, comma-separated list: \"local,dev\"."));
            return [];
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
        foreach (var name in names.Where(n => !project.Environments.ContainsKey(n)))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.UnknownEnvironment,
                $"Document is limited to unknown environment \"{name}\"",
                document.Source.Locate(Pointer),
                $"Project \"{project.Name}\" has the environments {string.Join(", ", project.Environments.Keys)}.",
                "Fix the name in the declarative.dev/environments annotation, or add the environment to declarative.yaml."));
        }

        if (names.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, "The environments annotation names no environment", document.Source.Locate(Pointer), "An empty list would exclude the document everywhere.", "List at least one environment, or remove the annotation."));
        }

        return names;
    }

    public static RenderedDocument Strip(RenderedDocument document)
    {
        if (JsonPointer.Get(document.Content, "/metadata/annotations") is not JsonObject annotations || !annotations.ContainsKey(WellKnown.EnvironmentsAnnotation))
        {
            return document;
        }

        var copy = (JsonObject)document.Content.DeepClone();
        var copiedAnnotations = (JsonObject)JsonPointer.Get(copy, "/metadata/annotations")!;
        copiedAnnotations.Remove(WellKnown.EnvironmentsAnnotation);
        if (copiedAnnotations.Count == 0)
        {
            ((JsonObject)copy["metadata"]!).Remove("annotations");
        }

        return document with { Content = copy };
    }
}
