using System.Collections.Immutable;

namespace Declarative.Core.Providers;

/// <summary>
/// An optional capability of a runtime provider: what deleting an object would delete with it (a Kubernetes
/// Namespace takes everything inside; a CustomResourceDefinition takes its custom resources). The engine asks before
/// any delete it plans, and refuses deletes that would take objects the environment does not own unless the user
/// allows the cascade (DESIGN "Plan": <c>--allow-cascade</c>).
/// </summary>
public interface IDeleteCascadeProvider
{
    /// <summary>The objects a delete of <paramref name="live"/> would also delete that are not in
    /// <paramref name="owned"/> (compared by group, kind, namespace and name), or null when deleting it takes nothing
    /// else with it. Objects that go with their owner anyway (a Deployment's Pods) are not counted.</summary>
    Task<DeleteCascade?> ReadCascadeAsync(LiveResource live, IReadOnlySet<ResourceAddress> owned, CancellationToken cancellationToken);
}

/// <summary>The objects outside the inventory that a delete would take with it, in address order.</summary>
public sealed record DeleteCascade(ImmutableArray<ResourceAddress> NotOwned)
{
    /// <summary>How many objects are shown by name in messages; the rest are counted.</summary>
    public const int NamedInMessages = 5;

    public bool IsEmpty => NotOwned.IsDefaultOrEmpty;

    /// <summary>"3 objects Declarative does not own (ConfigMap/shop/a, Secret/shop/b, Service/shop/c)", with at most
    /// <see cref="NamedInMessages"/> names and "and N more".</summary>
    public string Describe()
    {
        var count = NotOwned.Length;
        var named = string.Join(", ", NotOwned.Take(NamedInMessages));
        var more = count > NamedInMessages ? $" and {count - NamedInMessages} more" : string.Empty;
        return $"{count} object{(count == 1 ? string.Empty : "s")} Declarative does not own ({named}{more})";
    }
}
