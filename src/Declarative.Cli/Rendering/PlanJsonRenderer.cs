using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Cli.Rendering;

/// <summary>
/// <c>decl plan -o json</c>: the documented, versioned, redacted view of a plan (docs/plan-json.md). It is not
/// the saved plan and cannot be applied. Keys are sorted and the output is byte-stable.
/// </summary>
public static class PlanJsonRenderer
{
    public const string FormatVersion = "1";

    public static string Render(Plan plan) => Render(plan, serverDefaults: false);

    /// <param name="serverDefaults"><c>--verbose</c>: each resource also has <c>serverDefaults</c>, the fields the
    /// server would fill in on a create.</param>
    public static string Render(Plan plan, bool serverDefaults)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var root = new JsonObject
        {
            ["baseRevision"] = plan.BaseRevision,
            ["environment"] = plan.Environment,
            ["formatVersion"] = FormatVersion,
            ["hasChanges"] = plan.HasChanges,
            ["project"] = plan.Project,
            ["resources"] = new JsonArray([.. plan.Changes.Select(change => PlanJsonResourceRenderer.Of(change, serverDefaults))]),
            ["summary"] = Summary(plan.Summary),
            ["target"] = Target(plan.Target),
        };
        return PlanValueRenderer.Sorted(root)!.ToJsonString(PlanValueRenderer.Indented) + "\n";
    }

    private static JsonObject Summary(PlanSummary summary) => new()
    {
        ["create"] = summary.Create,
        ["delete"] = summary.Delete,
        ["noOp"] = summary.NoOp,
        ["release"] = summary.Release,
        ["replace"] = summary.Replace,
        ["update"] = summary.Update,
    };

    private static JsonObject Target(TargetIdentity target) => new()
    {
        ["defaultNamespace"] = target.DefaultNamespace,
        ["dockerHost"] = target.DockerHost,
        ["kubernetesContext"] = target.KubernetesContext,
        ["kubernetesServer"] = target.KubernetesServer,
    };
}
