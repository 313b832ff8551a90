using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>Checks what makes an object trackable: a metadata map with a fixed, well-formed name.</summary>
internal static class IdentityValidator
{
    private const string Metadata = "/metadata";
    private const string Name = "/metadata/name";
    private const string GenerateName = "/metadata/generateName";

    public static IEnumerable<Diagnostic> Validate(RenderedDocument document, KindRef kind)
    {
        var source = document.Source;
        var metadata = document.Content["metadata"];
        if (metadata is not JsonObject fields)
        {
            return [MissingMetadata(source, kind, metadata)];
        }

        return fields["name"] switch
        {
            null when fields["generateName"] is not null => [GenerateNameOnly(source, kind)],
            null => [MissingName(source, kind)],
            var node when JsonText.Of(node) is { } name => NameSyntaxProblems(document, kind, name),
            var node => [NameNotText(source, node)],
        };
    }

    private static IEnumerable<Diagnostic> NameSyntaxProblems(RenderedDocument document, KindRef kind, string name)
    {
        if (ProjectCrds.IsCrd(document.ApiVersion, document.Kind) && ProjectCrds.Read(document) is { } crd)
        {
            return crd.Name == name ? [] : [CrdNameMismatch(document.Source, name, crd)];
        }

        var rule = NameRule.For(kind);
        return rule.Check(name) is { } problem ? [InvalidName(document.Source, kind, name, rule, problem)] : [];
    }

    private static Diagnostic MissingMetadata(DocumentSource source, KindRef kind, JsonNode? metadata) =>
        Diagnostic.Error(
            DiagnosticCodes.MissingTypeOrName,
            "Object has no name",
            source.Locate(Metadata),
            metadata is null
                ? $"This {KindText(kind)} has no metadata, so it has no metadata.name, which Declarative needs to track it across runs."
                : $"metadata is {JsonText.Describe(metadata)}, but it must be a map that holds the object's name.",
            "Add a metadata map with a name, for example \"metadata: {name: web}\".");

    private static Diagnostic MissingName(DocumentSource source, KindRef kind) =>
        Diagnostic.Error(
            DiagnosticCodes.MissingTypeOrName,
            "Object has no name",
            source.Locate(Metadata),
            $"This {KindText(kind)} has no metadata.name, which Declarative needs to track it across runs.",
            "Add metadata.name.");

    private static Diagnostic NameNotText(DocumentSource source, JsonNode? name) =>
        Diagnostic.Error(
            DiagnosticCodes.MissingTypeOrName,
            "Object name is not a string",
            source.Locate(Name),
            $"metadata.name is {JsonText.Describe(name)}, but it must be a non-empty string.",
            "Set metadata.name to a string; quote it in YAML if it looks like a number or a boolean.");

    private static Diagnostic GenerateNameOnly(DocumentSource source, KindRef kind) =>
        Diagnostic.Error(
            DiagnosticCodes.GenerateNameWithoutName,
            "Object has generateName but no name",
            source.Locate(GenerateName),
            $"The API server gives this {KindText(kind)} a new random name on every create, so it cannot be tracked across runs and every apply would create another copy.",
            "Set metadata.name to a fixed name and remove metadata.generateName.");

    private static Diagnostic InvalidName(DocumentSource source, KindRef kind, string name, NameRule rule, string problem) =>
        Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            "Invalid object name",
            source.Locate(Name),
            $"{QuotedText.Of(name)} is not a valid {KindText(kind)} name: it must be a {rule.Syntax}, and {problem}.",
            rule.Advice);

    private static Diagnostic CrdNameMismatch(DocumentSource source, string name, ProjectCrd crd) =>
        Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            "CustomResourceDefinition name does not match its spec",
            source.Locate(Name),
            $"A CustomResourceDefinition must be named <plural>.<group> from its spec, here \"{crd.Name}\", not {QuotedText.Of(name)}.",
            $"Set metadata.name to \"{crd.Name}\".");

    private static string KindText(KindRef kind) => kind.Kind.Length == 0 ? "object" : kind.Kind;
}
