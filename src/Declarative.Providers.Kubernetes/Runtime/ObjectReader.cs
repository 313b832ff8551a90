using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// ReadAsync in bulk: one LIST per (kind, namespace) of the ids by the owner's labels, then a GET only for the ids the
/// lists did not answer (objects without our labels, e.g. before adoption). Listed objects no id names are orphans.
/// </summary>
internal sealed class ObjectReader(IKubeClient client, KubernetesProviderOptions options)
{
    public async Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, IReadOnlyDictionary<KindRef, string> apiVersions, CancellationToken cancellationToken)
    {
        var selector = string.Join(",", owner.Labels.Select(l => $"{l.Key}={l.Value}"));
        var byIdentity = ids.GroupBy(Identity).ToDictionary(g => g.Key, g => g.ToList());
        var live = ImmutableDictionary.CreateBuilder<ResourceAddress, LiveResource>();
        var orphans = new List<LiveResource>();
        foreach (var kindGroup in ids.GroupBy(id => id.KindRef))
        {
            var resource = await ResolveOrNullAsync(kindGroup.Key, apiVersions, cancellationToken).ConfigureAwait(false);
            if (resource is null)
            {
                continue;
            }

            var namespaces = kindGroup.Select(id => NamespaceOf(resource, id)).Distinct();
            foreach (var ns in namespaces)
            {
                var list = await client.ListAsync(resource, ns, selector, cancellationToken).ConfigureAwait(false);
                foreach (var item in list.Items)
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
            }

            foreach (var id in kindGroup.Where(id => !live.ContainsKey(id)))
            {
                var found = await client.GetAsync(resource, NamespaceOf(resource, id), id.Name, cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    live[id] = Live(id, found);
                }
            }
        }

        return new ReadResult(live.ToImmutable(), [.. orphans.DistinctBy(o => o.Address).OrderBy(o => o.Address)]);
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

    private static (string Group, string Kind, string? Namespace, string Name) Identity(ResourceAddress address) =>
        (address.Group, address.Kind, address.Namespace, address.Name);

    private static ResourceAddress AddressOf(KubeResource resource, JsonObject item) => new(
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
