using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>Builds the implicit edge for a field that names another object.</summary>
internal static class NamedReference
{
    /// <summary>The edge to the <paramref name="kind"/> whose name is the string at <paramref name="pointer"/>,
    /// with a reason such as "spec.template.spec.serviceAccountName names ServiceAccount web"; null when the
    /// field is absent or not a non-empty string.</summary>
    public static DependencyRequest? At(Resource resource, string pointer, string group, string kind, string? targetNamespace)
    {
        if (JsonText.At(resource.Content, pointer) is not { } name)
        {
            return null;
        }

        var reason = $"{FieldPath.FromPointer(resource.Content, pointer)} names {kind} {name}";
        return new DependencyRequest(new ReferenceTarget(group, kind, targetNamespace, name), reason, DependencyKind.Implicit, pointer);
    }
}
