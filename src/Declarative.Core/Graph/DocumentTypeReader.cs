using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>Reads apiVersion and kind, which must both be non-empty strings.</summary>
internal static class DocumentTypeReader
{
    public static ResourceType? Read(RenderedDocument document, DiagnosticBag diagnostics)
    {
        var apiVersion = ReadField(document, "apiVersion", "apps/v1", diagnostics);
        var kind = ReadField(document, "kind", "Deployment", diagnostics);
        return apiVersion is null || kind is null ? null : new ResourceType(apiVersion, kind);
    }

    private static string? ReadField(RenderedDocument document, string field, string example, DiagnosticBag diagnostics)
    {
        var node = document.Content[field];
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
        {
            return text;
        }

        diagnostics.Add(node is null ? Missing(document, field, example) : Invalid(document, field, example));
        return null;
    }

    private static Diagnostic Missing(RenderedDocument document, string field, string example) =>
        Diagnostic.Error(
            DiagnosticCodes.MissingTypeOrName,
            $"Document has no {field}",
            document.Source.Locate(string.Empty),
            "Every resource document names its type with apiVersion and kind.",
            $"Add {field} to the document, for example {field}: {example}.");

    private static Diagnostic Invalid(RenderedDocument document, string field, string example) =>
        Diagnostic.Error(
            DiagnosticCodes.MissingTypeOrName,
            $"{field} is not a non-empty string",
            document.Source.Locate("/" + field),
            "Every resource document names its type with apiVersion and kind, both strings.",
            $"Write {field} as a string, for example {field}: {example}.");
}
