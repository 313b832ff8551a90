using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Live objects of one plan, read in bulk: one <see cref="IResourceProvider.ReadAsync"/> per provider with every
/// id of that provider (the desired ones and those the base revision owns), and none for a provider without ids.
/// Orphans are not used yet (docs/plan.md).
/// </summary>
internal sealed class LiveState(ImmutableDictionary<ResourceAddress, LiveResource> live)
{
    public LiveResource? this[ResourceAddress address] => live.GetValueOrDefault(address);

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
