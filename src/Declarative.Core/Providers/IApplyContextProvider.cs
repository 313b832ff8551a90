namespace Declarative.Core.Providers;

/// <summary>What the engine knows about an apply that the provider cannot see on its own.</summary>
/// <param name="LastApplied">The base revision's entry for the resource: what this environment applied to it last
/// (null when it never did: the object is created or adopted by this run). A provider that has to recreate the
/// previous object (a replace whose new object the server refused) recreates it from this.</param>
public sealed record ApplyContext(AppliedResource? LastApplied);

/// <summary>
/// An optional capability of a runtime provider (DESIGN: new capabilities come as extra interfaces): applying with
/// the engine's <see cref="ApplyContext"/>. Providers without it get the plain <see cref="IResourceProvider.ApplyAsync"/>.
/// </summary>
public interface IApplyContextProvider
{
    Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, ApplyContext context, CancellationToken cancellationToken);
}
