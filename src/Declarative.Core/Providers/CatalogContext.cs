using System.Collections.Immutable;
using Declarative.Core.Manifests;

namespace Declarative.Core.Providers;

/// <summary>
/// What a catalog may look at besides the one document: every document of the environment (so a CRD in the
/// project makes its kind known) and the environment's default namespace.
/// </summary>
public sealed record CatalogContext(ImmutableArray<RenderedDocument> Documents, string DefaultNamespace);
