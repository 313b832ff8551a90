using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>Looks up dependency targets among the resources of the project and the excluded documents.</summary>
internal sealed class ResourceIndex(IReadOnlyList<Resource> resources, IReadOnlyList<ExcludedDocument> excluded, string defaultNamespace)
{
    private readonly ILookup<(string Kind, string Name), Resource> _byKindAndName = resources.ToLookup(r => (r.Address.Kind, r.Address.Name));

    public IReadOnlyList<Resource> Find(ReferenceTarget target, Resource referrer) =>
        [.. _byKindAndName[(target.Kind, target.Name)].Where(r => IsKindAndName(r.Address.Group, r.Address.Kind, r.Address.Name, target) && (target.Module is null || target.Module == r.Address.Module) && NamespaceMatches(r, target, referrer))];

    /// <summary>The groups that resources of <paramref name="kind"/> have in the project, ordinal order.</summary>
    public IReadOnlyList<string> GroupsOf(string kind) =>
        [.. resources.Where(r => r.Address.Kind == kind).Select(r => r.Address.Group).Distinct().Order(StringComparer.Ordinal)];

    public ExcludedDocument? FindExcluded(ReferenceTarget target, Resource referrer) =>
        excluded.FirstOrDefault(e => IsExcludedMatch(e.Document, target, referrer));

    private static bool IsKindAndName(string group, string kind, string name, ReferenceTarget target) =>
        kind == target.Kind && name == target.Name && (target.Group is null || target.Group == group);

    private bool NamespaceMatches(Resource candidate, ReferenceTarget target, Resource referrer)
    {
        if (target.Namespace is not null)
        {
            return candidate.Address.Namespace == target.Namespace;
        }

        return candidate.Scope == ResourceScope.Namespaced
            ? candidate.Address.Namespace == NamespaceOf(referrer)
            : candidate.Address.Namespace is null || candidate.Address.Namespace == referrer.Address.Namespace;
    }

    // The scope of an excluded document is unknown (no catalog looked at it), and a document without a namespace
    // would get the default namespace of the environment it is limited to, which may differ from this one's:
    // so it matches a target in any namespace.
    private bool IsExcludedMatch(RenderedDocument document, ReferenceTarget target, Resource referrer)
    {
        if (document.ApiVersion is not { } apiVersion || document.Kind is not { } kind || JsonText.At(document.Content, "/metadata/name") is not { } name)
        {
            return false;
        }

        if (!IsKindAndName(new ResourceType(apiVersion, kind).Group, kind, name, target) || (target.Module is not null && target.Module != document.Module))
        {
            return false;
        }

        var written = JsonText.At(document.Content, "/metadata/namespace");
        return target.Namespace is not null
            ? written is null || written == target.Namespace
            : written is null || written == NamespaceOf(referrer);
    }

    private string NamespaceOf(Resource referrer) => referrer.Address.Namespace ?? defaultNamespace;
}
