using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>Checks metadata.labels and metadata.annotations: maps of strings (or nulls, which the API server
/// reads as "") with well-formed keys, and label values of the label syntax.</summary>
internal static class MetadataMapValidator
{
    public static IEnumerable<Diagnostic> Validate(RenderedDocument document) =>
        [.. Check(document, "labels", "label", NameSyntax.LabelValue), .. Check(document, "annotations", "annotation", null)];

    private static IEnumerable<Diagnostic> Check(RenderedDocument document, string field, string noun, Func<string, string?>? valueRule)
    {
        var pointer = JsonPointer.Append("/metadata", field);
        var node = JsonPointer.Get(document.Content, pointer);
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject map)
        {
            return [Diagnostic.Error(
                DiagnosticCodes.WrongType,
                $"metadata.{field} is not a map",
                document.Source.Locate(pointer),
                $"metadata.{field} is {JsonText.Describe(node)}, but it must be a map from {noun} keys to string values.",
                $"Write metadata.{field} as a map, for example \"{field}: {{app: web}}\".")];
        }

        return map.SelectMany(entry => CheckEntry(document.Source, JsonPointer.Append(pointer, entry.Key), entry, noun, valueRule));
    }

    private static IEnumerable<Diagnostic> CheckEntry(
        DocumentSource source, string pointer, KeyValuePair<string, JsonNode?> entry, string noun, Func<string, string?>? valueRule)
    {
        if (NameSyntax.QualifiedName(entry.Key) is { } keyProblem)
        {
            yield return Diagnostic.Error(
                DiagnosticCodes.InvalidValue,
                $"Invalid {noun} key",
                source.LocateKey(pointer),
                $"\"{entry.Key}\" is not a valid {noun} key: {keyProblem}.",
                "Use letters, digits, '-', '_' and '.' in the key, after an optional lowercase prefix and '/' such as \"example.com/\".");
        }

        // kubectl sends a null value as is and the API server reads it as "" (kubernetes/kubernetes#129176).
        if (entry.Value is null)
        {
            yield break;
        }

        if (entry.Value is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            yield return Diagnostic.Error(
                DiagnosticCodes.WrongType,
                $"{Capitalized(noun)} value is not a string",
                source.Locate(pointer),
                $"The value of {noun} \"{entry.Key}\" is {JsonText.Describe(entry.Value)}, but {noun} values must be strings.",
                "Quote the value in YAML, for example \"version: '1.0'\" or \"enabled: 'true'\".");
        }
        else if (valueRule?.Invoke(value.GetValue<string>()) is { } valueProblem)
        {
            yield return Diagnostic.Error(
                DiagnosticCodes.InvalidValue,
                $"Invalid {noun} value",
                source.Locate(pointer),
                $"\"{value.GetValue<string>()}\" is not a valid value for {noun} \"{entry.Key}\": {valueProblem}.",
                "Use at most 63 letters, digits, '-', '_' and '.', or move the text to an annotation.");
        }
    }

    private static string Capitalized(string noun) => char.ToUpperInvariant(noun[0]) + noun[1..];
}
