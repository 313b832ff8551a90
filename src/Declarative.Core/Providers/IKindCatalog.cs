using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;

namespace Declarative.Core.Providers;

/// <summary>
/// The static half of a provider: what it knows of its kinds without I/O. Used by validate, render and graph.
/// Implementations are stateless and thread-safe; every method is pure.
/// </summary>
public interface IKindCatalog
{
    /// <summary>The provider's name ("kubernetes", "docker"); also <see cref="Resource.Provider"/>.</summary>
    string ProviderName { get; }

    /// <summary>Reference schemes this catalog resolves: <c>${image:NAME}</c> anywhere in any document is a
    /// required edge to the kind mapped from "image".</summary>
    ImmutableDictionary<string, KindRef> ReferenceSchemes { get; }

    /// <summary>Whether this catalog owns documents of <paramref name="type"/>. The Cli asks catalogs in order and
    /// the Kubernetes catalog, which owns any apiVersion/kind, comes last.</summary>
    bool Owns(ResourceType type);

    /// <summary>Scope and canonical kind of <paramref name="type"/>; custom kinds are looked up in the
    /// project's CRDs.</summary>
    KindInfo Describe(ResourceType type, CatalogContext context);

    /// <summary>Schema and identity checks with located diagnostics (a missing name, <c>generateName</c> only,
    /// unknown fields, wrong types, bad syntax).</summary>
    IEnumerable<Diagnostic> Validate(RenderedDocument document, CatalogContext context);

    /// <summary>The edges the resource implies, each with a reason. Core adds depends-on and reference-scheme
    /// edges itself.</summary>
    IEnumerable<DependencyRequest> GetDependencies(Resource resource, CatalogContext context);

    /// <summary>Field paths (display syntax, e.g. "data", "spec.password") whose values are never shown.</summary>
    ImmutableArray<string> GetSensitivePaths(Resource resource);
}
