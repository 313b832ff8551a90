using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>
/// A document in Declarative's own API domain that no provider took ("declarative.dev/v1", "dockr.declarative.dev/v1"):
/// a slip in the apiVersion of a Docker kind, which would otherwise pass validation as a custom resource and fail at
/// plan time with "no matches for kind". A CRD of the project may still define such a group on purpose.
/// </summary>
internal static class ReservedGroupValidator
{
    public const string Domain = "declarative.dev";

    public static IEnumerable<Diagnostic> Validate(RenderedDocument document, ResourceType type, CatalogContext context)
    {
        var reserved = type.Group == Domain || type.Group.EndsWith("." + Domain, StringComparison.Ordinal);
        if (!reserved || ProjectCrds.Find(type.KindRef, context) is not null)
        {
            return [];
        }

        return [Diagnostic.Error(
            DiagnosticCodes.UnknownKind,
            $"Unknown kind {type.Kind} in {type.ApiVersion}",
            document.Source.Locate("/apiVersion"),
            $"{type.Group} is in Declarative's own API domain, but no provider serves it, and no CustomResourceDefinition in this project defines {type.Kind}.",
            "Declarative's Docker kinds (Image, Container, Registry, Volume, Network) are served as docker.declarative.dev/v1: check the apiVersion and the kind's spelling.")];
    }
}
