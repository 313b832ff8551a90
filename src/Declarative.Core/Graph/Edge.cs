using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary><paramref name="From"/> depends on <paramref name="To"/> (To is applied first), because of
/// <paramref name="Reason"/>.</summary>
public sealed record Edge(ResourceAddress From, ResourceAddress To, string Reason, DependencyKind Kind);
