using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Operations;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Saved;

/// <summary>
/// The environment a saved plan is applied in, without rendering any manifest: the project definition is read
/// again from the folder the plan recorded (it says where the state lives and which Kubernetes context to use), and
/// the resources and edges are the plan's own. The project keeps the plan's name, since its objects carry it.
/// </summary>
public static class SavedPlanEnvironment
{
    public static StageResult<EnvironmentModel?> Build(SavedPlan saved, string planPath)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var located = ProjectLocator.Locate(saved.ProjectRoot, saved.Plan.Project);
        if (located.Value is null || located.HasErrors)
        {
            return new(null, located.Diagnostics);
        }

        var selected = EnvironmentSelector.Select(located.Value, saved.Plan.Environment);
        if (selected.Value is null || selected.HasErrors)
        {
            return new(null, selected.Diagnostics);
        }

        var loaded = new LoadedEnvironment(located.Value, selected.Value, [], [], []);
        var source = DocumentSource.Synthetic(planPath);
        var resources = saved.Plan.Changes
            .Where(c => c.Change.Desired is not null)
            .Select(c => ResourceOf(c, c.Change.Desired!, source))
            .ToImmutableArray();
        var graph = new ResourceGraph(resources, saved.Plan.Edges, [.. resources.Select(r => r.Address)]);
        return new(new EnvironmentModel(loaded, saved.Plan.Target.DefaultNamespace, resources, graph), []);
    }

    private static Resource ResourceOf(ResourceChange change, DesiredResource desired, DocumentSource source) => new(
        change.Address,
        desired.Type,
        change.Address.Namespace is null ? ResourceScope.Cluster : ResourceScope.Namespaced,
        change.Provider,
        (JsonObject)desired.Object.DeepClone(),
        source);
}
