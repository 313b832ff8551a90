using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// The checked, acyclic resource graph of one environment. <see cref="Order"/> is a deterministic topological
/// order (dependencies first; ties broken by address). The executor uses <see cref="DependenciesOf"/>, never
/// levels. <see cref="Edges"/> are deduplicated and sorted. A graph built with errors is partial: resources
/// on or behind a cycle follow the sorted ones in <see cref="Order"/>, in address order.
/// </summary>
public sealed record ResourceGraph(
    ImmutableArray<Resource> Resources,
    ImmutableArray<Edge> Edges,
    ImmutableArray<ResourceAddress> Order)
{
    /// <summary>Implicit dependencies dropped because their target is not in the project, sorted by
    /// <see cref="IgnoredDependency.From"/>.</summary>
    public ImmutableArray<IgnoredDependency> Ignored { get; init; } = [];

    public Resource this[ResourceAddress address] => Resources.First(r => r.Address == address);

    public IEnumerable<Edge> DependenciesOf(ResourceAddress address) => Edges.Where(e => e.From == address);

    public IEnumerable<Edge> DependentsOf(ResourceAddress address) => Edges.Where(e => e.To == address);
}
