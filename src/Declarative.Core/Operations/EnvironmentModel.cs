using System.Collections.Immutable;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Operations;

/// <summary>Everything known about one environment without any I/O beyond reading the project's files.</summary>
public sealed record EnvironmentModel(
    LoadedEnvironment Loaded,
    string DefaultNamespace,
    ImmutableArray<Resource> Resources,
    ResourceGraph Graph)
{
    public ProjectDefinition Project => Loaded.Project;

    public EnvironmentDefinition Environment => Loaded.Environment;
}
