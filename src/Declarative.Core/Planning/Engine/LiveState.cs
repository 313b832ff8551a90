using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Live objects of one plan, read in bulk: one <see cref="IResourceProvider.ReadAsync"/> per provider with every
/// id of that provider, and none for a provider without ids. The planner reads the desired ids while the history is
/// read, and the ids the base revision owns beyond them (prunes) in a second read.
/// Orphans are not used yet (docs/plan.md).
/// </summary>
internal sealed class LiveState(ImmutableDictionary<ResourceAddress, LiveResource> live)
{
    private ImmutableDictionary<ResourceAddress, LiveResource> Objects => live;

    public LiveResource? this[ResourceAddress address] => live.GetValueOrDefault(address);

    /// <summary>This state and <paramref name="more"/> (read for other ids) as one.</summary>
    public LiveState With(LiveState more) => new(live.SetItems(more.Objects));

    public static async Task<LiveState> ReadAsync(
        IReadOnlyDictionary<string, IResourceProvider> providers,
        IEnumerable<(string Provider, ResourceAddress Address)> ids,
        OwnerSelector owner,
        CancellationToken cancellationToken)
    {
        var reads = ids
            .GroupBy(id => id.Provider, StringComparer.Ordinal)
            .Select(group => ProviderPlanning.Get(providers, group.Key)
                .ReadAsync([.. group.Select(id => id.Address).Distinct().Order()], owner, cancellationToken));
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        var merged = ImmutableDictionary.CreateBuilder<ResourceAddress, LiveResource>();
        foreach (var (address, resource) in results.SelectMany(r => r.Live))
        {
            merged[address] = resource;
        }

        return new LiveState(merged.ToImmutable());
    }
}
