using Declarative.Core.Manifests;
using Declarative.Core.Operations;

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

        var objects = saved.Plan.Changes
            .Where(c => c.Change.Desired is not null)
            .Select(c => (c.Provider, c.Address, c.Change.Desired!.Type, c.Change.Desired.Object));
        return new(StoredEnvironment.Build(located.Value, selected.Value, saved.Plan.Target.DefaultNamespace, objects, saved.Plan.Edges, planPath), []);
    }
}
