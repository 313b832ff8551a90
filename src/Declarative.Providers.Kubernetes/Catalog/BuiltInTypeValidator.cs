using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>
/// Checks a document whose group is that of a built-in kind: the kind must be spelt with its exact case, and
/// the version must be one Kubernetes 1.32 still serves. Removed versions (apps/v1beta2, the extensions group)
/// fail at apply with "no matches for kind". Beta-only kinds, absent from the table, are left to discovery.
/// </summary>
internal static class BuiltInTypeValidator
{
    public const string KubernetesRelease = "1.32";

    public static IEnumerable<Diagnostic> Validate(RenderedDocument document, ResourceType type)
    {
        if (BuiltInKinds.Find(type.KindRef) is { } exact)
        {
            return Unserved(document.Source, type, exact);
        }

        if (BuiltInKinds.FindIgnoringCase(type.KindRef) is { } miscased)
        {
            return [MiscasedKind(document.Source, type, miscased), .. Unserved(document.Source, type, miscased)];
        }

        if (type.Group == BuiltInKinds.Extensions && BuiltInKinds.FindByName(type.Kind) is { } moved)
        {
            return Unserved(document.Source, type, moved);
        }

        if (RemovedApis.Find(type) is { } removed)
        {
            return [Removed(document.Source, type, removed)];
        }

        return MisspeltKind(document.Source, type) is { } misspelt ? [misspelt] : [];
    }

    /// <summary>A kind close to one its built-in group/version serves ("Deploymnet" in apps/v1). A kind near none of
    /// them is left to discovery: a newer cluster may serve it.</summary>
    private static Diagnostic? MisspeltKind(DocumentSource source, ResourceType type)
    {
        var served = BuiltInKinds.All
            .Where(k => k.Group == type.Group && k.Versions.Contains(type.Version, StringComparer.Ordinal))
            .Select(k => k.Kind)
            .ToList();
        if (served.Count == 0 || Suggestions.Closest(type.Kind, served) is not { } meant)
        {
            return null;
        }

        return Diagnostic.Error(
            DiagnosticCodes.UnknownKind,
            $"Unknown kind \"{type.Kind}\" in {type.ApiVersion}",
            source.Locate("/kind"),
            $"Kubernetes {KubernetesRelease} serves no kind \"{type.Kind}\" in {type.ApiVersion}, so the API server would reject this object: no matches for kind \"{type.Kind}\". Did you mean {meant}?",
            $"Write kind: {meant}.");
    }

    private static IEnumerable<Diagnostic> Unserved(DocumentSource source, ResourceType type, BuiltInKind kind)
    {
        if (type.Group == kind.Group && kind.Versions.Contains(type.Version, StringComparer.Ordinal))
        {
            return [];
        }

        var served = string.Join(" and ", kind.ServedApiVersions);
        string[] removal = RemovedApis.Find(type) is { } removed ? [$"Kubernetes {removed.Release} removed {type.ApiVersion}."] : [];
        return [Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            $"{kind.Kind} in {type.ApiVersion} is not served by Kubernetes {KubernetesRelease}",
            source.Locate("/apiVersion"),
            [
                $"Kubernetes {KubernetesRelease} serves {kind.Kind} only in {served}, so kubectl and the API server reject this object: no matches for kind \"{kind.Kind}\" in version \"{type.ApiVersion}\".",
                .. removal,
                $"Fields may differ between versions: check the object against the {kind.PreferredApiVersion} {kind.Kind} API reference.",
                $"Write apiVersion: {kind.PreferredApiVersion}.",
            ])];
    }

    private static Diagnostic Removed(DocumentSource source, ResourceType type, RemovedApi removed) =>
        Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            $"{type.Kind} in {type.ApiVersion} is not served by Kubernetes {KubernetesRelease}",
            source.Locate("/apiVersion"),
            $"Kubernetes {removed.Release} removed {type.ApiVersion}{(removed.Kind is null ? string.Empty : $" {removed.Kind}")}, so kubectl and the API server reject this object: no matches for kind \"{type.Kind}\" in version \"{type.ApiVersion}\".",
            removed.Replacement.Contains(' ', StringComparison.Ordinal)
                ? $"{removed.Replacement}."
                : $"Write apiVersion: {removed.Replacement}, and check the fields against the {removed.Replacement} API reference.");

    private static Diagnostic MiscasedKind(DocumentSource source, ResourceType type, BuiltInKind kind) =>
        Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            $"Unknown kind \"{type.Kind}\" in {type.ApiVersion}",
            source.Locate("/kind"),
            $"Kind names are case-sensitive, and {type.ApiVersion} has no kind \"{type.Kind}\". Did you mean {kind.Kind}?",
            $"Write kind: {kind.Kind}.");
}
