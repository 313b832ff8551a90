namespace Declarative.Core.Providers;

public enum DependencyKind
{
    /// <summary>The target must be in the project (a reference such as <c>${image:NAME}</c>, a Container's
    /// Image): missing is an error.</summary>
    Required,

    /// <summary>Added only when the target is in the project (a namespaced object and its Namespace).</summary>
    Implicit,

    /// <summary>From the <c>declarative.dev/depends-on</c> annotation; the target must be in the project.</summary>
    Explicit,
}
