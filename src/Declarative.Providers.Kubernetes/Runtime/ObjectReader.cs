using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// ReadAsync in bulk: one LIST per (kind, namespace) of the ids by the owner's labels, then, for the ids the lists did
/// not answer (objects without our labels: a first apply, or before adoption), a GET each when they are few, or one
/// LIST of the whole collection when they are many (a first apply of 1,000 objects costs a few dozen LISTs, not 1,000
/// GETs). The collections are read concurrently. Listed objects no id names are orphans.
/// </summary>
internal sealed class ObjectReader(IKubeClient client, KubernetesProviderOptions options)
{
    /// <summary>Above this many unanswered ids in one collection, one unfiltered LIST replaces their GETs.</summary>
    public const int MaxGetsPerCollection = 4;

    private const int ConcurrentReads = 8;

    public async Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, IReadOnlyDictionary<KindRef, string> apiVersions, CancellationToken cancellationToken)
    {
        var selector = string.Join(",", owner.Labels.Select(l => $"{l.Key}={l.Value}"));
        var collections = new List<(KubeResource Resource, string? Namespace, List<ResourceAddress> Ids)>();
        foreach (var kindGroup in ids.GroupBy(id => id.KindRef))
        {
            var resource = await ResolveOrNullAsync(kindGroup.Key, apiVersions, cancellationToken).ConfigureAwait(false);
            if (resource is not null)
            {
                collections.AddRange(kindGroup.GroupBy(id => NamespaceOf(resource, id)).Select(g => (resource, g.Key, g.ToList())));
            }
        }

        var results = new (IReadOnlyDictionary<ResourceAddress, LiveResource> Live, IReadOnlyList<LiveResource> Orphans)[collections.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, collections.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await ReadCollectionAsync(collections[i].Resource, collections[i].Namespace, collections[i].Ids, selector, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        var live = ImmutableDictionary.CreateBuilder<ResourceAddress, LiveResource>();
        foreach (var result in results)
        {
            live.AddRange(result.Live);
        }

        return new ReadResult(live.ToImmutable(), [.. results.SelectMany(r => r.Orphans).DistinctBy(o => o.Address).OrderBy(o => o.Address)]);
    }

    private async Task<(IReadOnlyDictionary<ResourceAddress, LiveResource> Live, IReadOnlyList<LiveResource> Orphans)> ReadCollectionAsync(
        KubeResource resource, string? ns, List<ResourceAddress> ids, string selector, CancellationToken cancellationToken)
    {
        var byIdentity = ids.GroupBy(Identity).ToDictionary(g => g.Key, g => g.ToList());
        var live = new Dictionary<ResourceAddress, LiveResource>();
        var orphans = new List<LiveResource>();
        foreach (var item in (await client.ListAsync(resource, ns, selector, cancellationToken).ConfigureAwait(false)).Items)
        {
            var address = AddressOf(resource, item);
            if (byIdentity.TryGetValue(Identity(address), out var named))
            {
                named.ForEach(id => live[id] = Live(id, item));
            }
            else
            {
                orphans.Add(Live(address, item));
            }
        }

        var unanswered = ids.Where(id => !live.ContainsKey(id)).ToList();
        if (unanswered.Count > MaxGetsPerCollection)
        {
            var wanted = unanswered.GroupBy(Identity).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var item in (await client.ListAsync(resource, ns, null, cancellationToken).ConfigureAwait(false)).Items)
            {
                if (wanted.TryGetValue(Identity(AddressOf(resource, item)), out var named))
                {
                    named.ForEach(id => live[id] = Live(id, item));
                }
            }
        }
        else
        {
            foreach (var id in unanswered)
            {
                if (await client.GetAsync(resource, NamespaceOf(resource, id), id.Name, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    live[id] = Live(id, found);
                }
            }
        }

        return (live, orphans);
    }

    /// <summary>A kind the server does not serve (its CRD is not created yet) has no objects.</summary>
    private async Task<KubeResource?> ResolveOrNullAsync(KindRef kind, IReadOnlyDictionary<KindRef, string> apiVersions, CancellationToken cancellationToken)
    {
        // An address has no version: the caller may name one, else the group's preferred version decides.
        try
        {
            return apiVersions.TryGetValue(kind, out var apiVersion)
                ? await client.ResolveAsync(apiVersion, kind.Kind, cancellationToken).ConfigureAwait(false)
                : await client.ResolveKindAsync(kind.Group, kind.Kind, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException error) when (error.IsNotFound)
        {
            return null;
        }
    }

    private string? NamespaceOf(KubeResource resource, ResourceAddress id) =>
        resource.Namespaced ? id.Namespace ?? options.DefaultNamespace : null;

    /// <summary>An address without its module: how a listed object is matched to the ids asked for.</summary>
    internal static (string Group, string Kind, string? Namespace, string Name) Identity(ResourceAddress address) =>
        (address.Group, address.Kind, address.Namespace, address.Name);

    /// <summary>The address of a listed object.</summary>
    internal static ResourceAddress AddressOf(KubeResource resource, JsonObject item) => new(
        string.Empty,
        resource.Group,
        resource.Kind,
        resource.Namespaced ? JsonText.At(item, "/metadata/namespace") : null,
        JsonText.At(item, "/metadata/name") ?? string.Empty);

    private static LiveResource Live(ResourceAddress address, JsonObject item) => new(
        address,
        new ResourceType(JsonText.At(item, "/apiVersion") ?? string.Empty, JsonText.At(item, "/kind") ?? string.Empty),
        item,
        LiveFingerprint.Of(item));
}
