using System.Collections.Concurrent;
using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Graph;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Asks each desired resource's provider for its change, up to <paramref name="maxConcurrency"/> at once. A
/// resource that refers to another (<c>${image:NAME}</c>) is planned after it, because whether the reference is
/// known depends on that resource's change. Results come back in the graph's topological order. A resource the
/// provider says the target would refuse (<see cref="ResourceRefusedException"/>) does not stop the others: every
/// refusal is collected and the plan fails with all of them (<see cref="PlanRefusedException"/>), each located in its
/// manifest.
/// </summary>
internal sealed class DesiredChanges(
    IReadOnlyDictionary<string, IResourceProvider> providers,
    DesiredResourceFactory factory,
    LiveState live,
    BaseInventory inventory,
    int maxConcurrency,
    BaseInventory pinned)
{
    public async Task<ImmutableArray<ResourceChange>> PlanAsync(ResourceGraph graph, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(maxConcurrency);
        var resources = graph.Resources.GroupBy(r => r.Address).ToDictionary(g => g.Key, g => g.First());
        var dependencies = graph.Edges.ToLookup(e => e.From, e => e.To);
        var tasks = new Dictionary<ResourceAddress, Task<ResourceChange?>>();
        var refusals = new ConcurrentBag<Diagnostic>();
        foreach (var address in graph.Order.Where(resources.ContainsKey))
        {
            var targets = factory.ReferenceTargets(resources[address]).Where(tasks.ContainsKey).ToImmutableDictionary(t => t, t => tasks[t]);
            var dependsOn = dependencies[address].Distinct().Order().ToImmutableArray();
            tasks[address] = PlanOneAsync(resources[address], dependsOn, targets, gate, stop, refusals);
        }

        // A failed plan cancels the others; those end Canceled, so WhenAll rethrows the failure itself.
        await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        if (!refusals.IsEmpty)
        {
            throw new PlanRefusedException([.. refusals.OrderBy(d => d.Location?.File, StringComparer.Ordinal).ThenBy(d => d.Location?.Line).ThenBy(d => string.Join("\n", d.Detail), StringComparer.Ordinal)]);
        }

        return [.. tasks.Values.Select(t => t.Result!)];
    }

    private async Task<ResourceChange?> PlanOneAsync(
        Resource resource,
        ImmutableArray<ResourceAddress> dependsOn,
        ImmutableDictionary<ResourceAddress, Task<ResourceChange?>> targets,
        SemaphoreSlim gate,
        CancellationTokenSource stop,
        ConcurrentBag<Diagnostic> refusals)
    {
        try
        {
            await Task.WhenAll(targets.Values).ConfigureAwait(false);
            var desired = factory.Create(resource, (target, output) => KnownOutput(targets, target, output));
            var lastApplied = inventory[resource.Address]?.Applied;
            var provider = ProviderPlanning.Get(providers, resource.Provider);
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                // A dependency with no live object is created by this apply: the server cannot answer for this one yet.
                var context = new PlanContext(dependsOn.Any(d => live[d] is null), pinned[resource.Address]?.Applied);
                var change = provider is IPlanContextProvider aware
                    ? await aware.PlanAsync(desired, live[resource.Address], lastApplied, context, stop.Token).ConfigureAwait(false)
                    : await provider.PlanAsync(desired, live[resource.Address], lastApplied, stop.Token).ConfigureAwait(false);
                return new ResourceChange(change, resource.Provider, dependsOn, desired.SensitivePaths, lastApplied);
            }
            finally
            {
                gate.Release();
            }
        }
        catch (ResourceRefusedException refused)
        {
            refusals.Add(Refusal(resource, refused));
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Diagnostic Refusal(Resource resource, ResourceRefusedException refused)
    {
        var pointer = refused.FieldPath is { } path && !path.Contains('[', StringComparison.Ordinal)
            ? string.Concat(path.Split('.').Select(segment => "/" + JsonPointer.Escape(segment)))
            : string.Empty;
        return Diagnostic.Error(
            DiagnosticCodes.ResourceRefused,
            "The server would refuse this object",
            resource.Source.Locate(pointer),
            $"{resource.Address}: {refused.Message}",
            refused.Hint ?? "Fix the manifest and run again; nothing was changed.");
    }

    /// <summary>An output is known when its resource does not change and its provider knows it now, or the base
    /// revision recorded it.</summary>
    private string? KnownOutput(ImmutableDictionary<ResourceAddress, Task<ResourceChange?>> targets, ResourceAddress target, string output) =>
        targets.TryGetValue(target, out var task) && task.Result is { Action: ChangeAction.NoOp }
            ? task.Result.Change.KnownOutputs?[output] ?? inventory[target]?.Applied.Outputs[output]
            : null;
}
