using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>A RoleBinding depends on the Role (same namespace) or ClusterRole its roleRef names; a
/// ClusterRoleBinding on its ClusterRole.</summary>
internal static class RoleBindingReferences
{
    private const string Pointer = "/roleRef/name";

    public static IEnumerable<DependencyRequest> Find(Resource resource)
    {
        var binding = resource.Type.KindRef;
        var content = resource.Content;
        var apiGroup = JsonText.At(content, "/roleRef/apiGroup") ?? BuiltInKinds.Rbac;
        if (binding.Group != BuiltInKinds.Rbac || apiGroup != BuiltInKinds.Rbac || JsonText.At(content, Pointer) is not { } name)
        {
            return [];
        }

        var target = (binding.Kind, JsonText.At(content, "/roleRef/kind")) switch
        {
            ("RoleBinding", "Role") => new ReferenceTarget(BuiltInKinds.Rbac, "Role", resource.Address.Namespace, name),
            ("RoleBinding" or "ClusterRoleBinding", "ClusterRole") => new ReferenceTarget(BuiltInKinds.Rbac, "ClusterRole", null, name),
            _ => null,
        };
        return target is null ? [] : [new DependencyRequest(target, $"roleRef names {target.Kind} {name}", DependencyKind.Implicit, Pointer)];
    }
}
