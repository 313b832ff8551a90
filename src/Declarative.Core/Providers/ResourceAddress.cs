namespace Declarative.Core.Providers;

/// <summary>
/// The identity of a resource: (module path, group, kind, namespace, name). Version is not part of it:
/// apps/v1 and apps/v1beta2 Deployments of the same name are the same resource.
/// <see cref="Namespace"/> is null for cluster-scoped Kubernetes kinds and for Docker kinds.
/// <see cref="Module"/> is "" for the root module.
/// </summary>
public readonly record struct ResourceAddress(string Module, string Group, string Kind, string? Namespace, string Name)
    : IComparable<ResourceAddress>
{
    public KindRef KindRef => new(Group, Kind);

    /// <summary>Canonical text, in the syntax of the depends-on annotation:
    /// <c>Kind[.group]/[namespace/]name</c>, prefixed by <c>module.NAME/</c> in a module.</summary>
    public override string ToString()
    {
        var prefix = Module.Length == 0 ? string.Empty : $"module.{Module}/";
        var ns = Namespace is null ? string.Empty : $"{Namespace}/";
        return $"{prefix}{KindRef}/{ns}{Name}";
    }

    public int CompareTo(ResourceAddress other) => string.CompareOrdinal(ToString(), other.ToString());

    public static bool operator <(ResourceAddress left, ResourceAddress right) => left.CompareTo(right) < 0;

    public static bool operator <=(ResourceAddress left, ResourceAddress right) => left.CompareTo(right) <= 0;

    public static bool operator >(ResourceAddress left, ResourceAddress right) => left.CompareTo(right) > 0;

    public static bool operator >=(ResourceAddress left, ResourceAddress right) => left.CompareTo(right) >= 0;
}
