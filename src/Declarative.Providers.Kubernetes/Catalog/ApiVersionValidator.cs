using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>Checks apiVersion and kind: well-formed, and, for the built-in kinds, a spelling and a version
/// that Kubernetes 1.32 serves. A custom kind's version is checked against the project's CRD.</summary>
internal static class ApiVersionValidator
{
    private const string Pointer = "/apiVersion";

    public static IEnumerable<Diagnostic> Validate(RenderedDocument document, ResourceType type, CatalogContext context)
    {
        if (type.ApiVersion.Length == 0 || type.Kind.Length == 0)
        {
            return [];
        }

        if (ApiVersionSyntax.Problem(type.ApiVersion) is { } problem)
        {
            return [Malformed(document.Source, type, problem)];
        }

        return [.. BuiltInTypeValidator.Validate(document, type), .. CustomKindValidator.Validate(document, type, context)];
    }

    private static Diagnostic Malformed(DocumentSource source, ResourceType type, string problem)
    {
        var text = type.ApiVersion;
        var firstWord = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var candidate = firstWord.ToLowerInvariant();
        var hasComment = firstWord.Length < text.Trim().Length;
        string[] rule =
        [
            $"\"{text}\" is not a valid apiVersion: {problem}.",
            "An apiVersion is a version alone for the core group (\"v1\"), or a group and a version joined by one '/' (\"apps/v1\"): the group a DNS subdomain (lowercase letters, digits, '-' and '.'), the version a DNS-1035 label (lowercase letters, digits and '-', starting with a letter).",
        ];
        string[] advice = ApiVersionSyntax.IsValid(candidate) && hasComment
            ? [$"The text after \"{firstWord}\" looks like a comment without its '#'.", $"Write apiVersion: {candidate}, and put '#' before the comment."]
            : ApiVersionSyntax.IsValid(candidate) ? [$"Write apiVersion: {candidate}."]
            : BuiltInKinds.FindByName(type.Kind) is { } builtIn ? [$"Write apiVersion: {builtIn.PreferredApiVersion}."]
            : ["Write apiVersion as <group>/<version>, for example \"example.com/v1\", or as the version alone for the core group, for example \"v1\"."];
        return Diagnostic.Error(DiagnosticCodes.InvalidValue, "Malformed apiVersion", source.Locate(Pointer), [.. rule, .. advice]);
    }
}
