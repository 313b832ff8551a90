using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>An implicit dependency of <paramref name="From"/> whose target is not in the project, so no edge was
/// added; <c>decl graph --verbose</c> lists it.</summary>
public sealed record IgnoredDependency(ResourceAddress From, ReferenceTarget Target, string Reason);
