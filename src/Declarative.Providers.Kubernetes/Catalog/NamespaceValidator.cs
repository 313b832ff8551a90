using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>Checks metadata.namespace: a DNS label, and pointless on a cluster-scoped kind.</summary>
internal static class NamespaceValidator
{
    private const string Pointer = "/metadata/namespace";

    public static IEnumerable<Diagnostic> Validate(RenderedDocument document, KindRef kind, ResourceScope scope)
    {
        var node = JsonPointer.Get(document.Content, Pointer);
        if (node is null || (node is JsonValue && node.ToString().Length == 0))
        {
            return [];
        }

        var location = document.Source.Locate(Pointer);
        if (scope == ResourceScope.Cluster)
        {
            return [Diagnostic.Warning(
                DiagnosticCodes.InvalidValue,
                "Namespace set on a cluster-scoped kind",
                location,
                $"{kind.Kind} is cluster-scoped, so metadata.namespace is ignored and the object is not part of that namespace.",
                "Remove metadata.namespace.")];
        }

        if (JsonText.Of(node) is not { } name)
        {
            return [Diagnostic.Error(
                DiagnosticCodes.WrongType,
                "Namespace is not a string",
                location,
                $"metadata.namespace is {JsonText.Describe(node)}, but it must be the name of a namespace.",
                "Set metadata.namespace to a string, or remove it to use the environment's default namespace.")];
        }

        return NameSyntax.Dns1123Label(name) is { } problem
            ? [Diagnostic.Error(
                DiagnosticCodes.InvalidValue,
                "Invalid namespace name",
                location,
                $"\"{name}\" is not a valid namespace name: it must be a DNS label (RFC 1123), and {problem}.",
                "Use at most 63 lowercase letters, digits and '-', for example \"team-a\".")]
            : [];
    }
}
