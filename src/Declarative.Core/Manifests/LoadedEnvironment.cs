using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Manifests;

/// <summary>
/// The documents of one environment after templating and parsing, with the environments annotation applied
/// (documents for other environments are in <see cref="Excluded"/>; the annotation is stripped from the kept ones)
/// and the Project document removed. <see cref="Values"/> are the merged values the templates saw.
/// </summary>
public sealed record LoadedEnvironment(
    ProjectDefinition Project,
    EnvironmentDefinition Environment,
    JsonObject Values,
    ImmutableArray<RenderedDocument> Documents,
    ImmutableArray<ExcludedDocument> Excluded);

/// <summary>A document left out of this environment by <c>declarative.dev/environments</c>.</summary>
public sealed record ExcludedDocument(RenderedDocument Document, ImmutableArray<string> Environments);
