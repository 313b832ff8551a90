using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Operations;

/// <summary>
/// An environment whose desired state comes from what was stored, not from rendering the manifests: a saved plan's
/// desired objects, a revision's inventory (rollback), or nothing at all (destroy). The project definition is read
/// from the folder (it says where the state lives and which targets to use); a project folder whose manifests no
/// longer render can still be rolled back or destroyed.
/// </summary>
public static class StoredEnvironment
{
    /// <param name="objects">Each stored object with the provider that owns it.</param>
    /// <param name="sourcePath">What diagnostics name as the objects' source (the plan file, the state folder).</param>
    public static EnvironmentModel Build(
        ProjectDefinition project,
        EnvironmentDefinition environment,
        string defaultNamespace,
        IEnumerable<(string Provider, ResourceAddress Address, ResourceType Type, JsonObject Content)> objects,
        ImmutableArray<Edge> edges,
        string sourcePath)
    {
        var source = DocumentSource.Synthetic(sourcePath);
        var resources = objects
            .Select(o => new Resource(
                o.Address,
                o.Type,
                o.Address.Namespace is null ? ResourceScope.Cluster : ResourceScope.Namespaced,
                o.Provider,
                (JsonObject)o.Content.DeepClone(),
                source))
            .ToImmutableArray();
        var addresses = resources.Select(r => r.Address).ToHashSet();
        var kept = edges.IsDefault ? [] : edges.Where(e => addresses.Contains(e.From) && addresses.Contains(e.To)).ToImmutableArray();
        var graph = new ResourceGraph(resources, kept, [.. TopologicalOrder(resources.Select(r => r.Address), kept)]);
        return new EnvironmentModel(new LoadedEnvironment(project, environment, [], [], []), defaultNamespace, resources, graph);
    }

    /// <summary>The environment as revision <paramref name="revision"/> left it: what it applied, with its edges.</summary>
    public static EnvironmentModel Of(ProjectDefinition project, EnvironmentDefinition environment, Revision revision, string sourcePath) =>
        Build(
            project,
            environment,
            revision.Target.DefaultNamespace,
            revision.Inventory.Select(e => (e.Provider, e.Address, e.Applied.Type, e.Applied.Object)),
            revision.Edges,
            sourcePath);

    /// <summary>Dependencies first; addresses in order among equals, so the same inventory always gives the same order.</summary>
    private static IEnumerable<ResourceAddress> TopologicalOrder(IEnumerable<ResourceAddress> addresses, ImmutableArray<Edge> edges)
    {
        var remaining = addresses.Order().ToList();
        var dependsOn = edges.ToLookup(e => e.From, e => e.To);
        var done = new HashSet<ResourceAddress>();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(a => dependsOn[a].All(d => done.Contains(d) || d == a));
            var next = ready == default ? remaining[0] : ready;
            done.Add(next);
            remaining.Remove(next);
            yield return next;
        }
    }
}
