using Declarative.Core.Operations;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Planning;

/// <summary>
/// Builds the Plan (DESIGN "Plan"): desired resources with ownership labels, unknowns and sensitive/ignored paths;
/// live state read in bulk per provider; one PlannedChange per resource from its provider; prunes of what the base
/// revision owns and the project no longer has, ordered in reverse by the stored edges.
/// </summary>
public sealed class Planner(IReadOnlyDictionary<string, IResourceProvider> providers, IReadOnlyList<IKindCatalog> catalogs)
{
    public IReadOnlyDictionary<string, IResourceProvider> Providers => providers;

    public IReadOnlyList<IKindCatalog> Catalogs => catalogs;

    public Task<Plan> PlanAsync(EnvironmentModel model, Revision? baseRevision, TargetIdentity target, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
