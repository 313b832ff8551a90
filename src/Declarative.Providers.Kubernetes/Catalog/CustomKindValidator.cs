using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>Checks an object of a custom kind against the project's CRD for it: the version must be one the
/// CRD defines, or the API server rejects the object at apply.</summary>
internal static class CustomKindValidator
{
    public static IEnumerable<Diagnostic> Validate(RenderedDocument document, ResourceType type, CatalogContext context)
    {
        if (BuiltInKinds.Find(type.KindRef) is not null || ProjectCrds.Find(type.KindRef, context) is not { } crd)
        {
            return [];
        }

        if (crd.Versions.IsEmpty || crd.Versions.Contains(type.Version, StringComparer.Ordinal))
        {
            return [];
        }

        return [Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            "Version not defined by the CustomResourceDefinition",
            document.Source.Locate("/apiVersion"),
            $"The CustomResourceDefinition {crd.Name} in this project defines {crd.Kind} in versions {string.Join(", ", crd.Versions)}, not {type.Version}.",
            $"Use one of those versions in apiVersion, or add {type.Version} to spec.versions of {crd.Name}.")];
    }
}
