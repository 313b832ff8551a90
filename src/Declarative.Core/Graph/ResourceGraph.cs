using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// The checked, acyclic resource graph of one environment. <see cref="Order"/> is a deterministic topological
/// order (dependencies first; ties broken by address). The executor uses <see cref="DependenciesOf"/>, never
/// levels. <see cref="Edges"/> are deduplicated and sorted.
/// </summary>
public sealed record ResourceGraph(
    ImmutableArray<Resource> Resources,
    ImmutableArray<Edge> Edges,
    ImmutableArray<ResourceAddress> Order)
{
    public Resource this[ResourceAddress address] => Resources.First(r => r.Address == address);

    public IEnumerable<Edge> DependenciesOf(ResourceAddress address) => Edges.Where(e => e.From == address);

    public IEnumerable<Edge> DependentsOf(ResourceAddress address) => Edges.Where(e => e.To == address);
}
