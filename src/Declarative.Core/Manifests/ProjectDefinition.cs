using System.Collections.Immutable;

namespace Declarative.Core.Manifests;

/// <summary>
/// A project as declared in declarative.yaml, or an implicit project made from a folder of plain manifests
/// (<see cref="IsImplicit"/>: one environment "default", never templated). <see cref="Root"/> is a full path;
/// <see cref="Source"/> is the declarative.yaml document (null for an implicit project).
/// <see cref="IncludeIsDefault"/> is true when the project did not write <c>spec.include</c>: a default pattern that
/// matches nothing is not a mistake, a pattern the user wrote is.
/// </summary>
public sealed record ProjectDefinition(
    string Name,
    string Root,
    bool IsImplicit,
    ImmutableArray<string> Include,
    string? ValuesFile,
    ImmutableSortedDictionary<string, EnvironmentDefinition> Environments,
    DocumentSource? Source,
    bool IncludeIsDefault = false)
{
    /// <summary>The <c>spec.modules</c> entries, in the order written.</summary>
    public ImmutableArray<ModuleInstance> Modules { get; init; } = [];
}

public sealed record EnvironmentDefinition(
    string Name,
    string? ValuesFile,
    KubernetesTarget? Kubernetes,
    DockerTarget? Docker,
    StateSettings State);

public sealed record KubernetesTarget(string? Context, string? Namespace);

public sealed record DockerTarget(string? Host);
