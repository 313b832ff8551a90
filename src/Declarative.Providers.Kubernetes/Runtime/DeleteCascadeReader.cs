using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// What deleting a Namespace or a CustomResourceDefinition would take with it that the environment does not own: a
/// Namespace's objects of every listable namespaced kind the server serves, a CRD's custom resources in every
/// namespace. Not counted, because they go with something else or are made by the cluster itself: objects with an
/// owner reference (a Deployment's ReplicaSets and Pods), Events, the <c>default</c> ServiceAccount, the
/// <c>kube-root-ca.crt</c> ConfigMap, and the Endpoints of a Service of the same name. A kind the credentials may not
/// list is left out rather than failing the plan.
/// </summary>
internal sealed class DeleteCascadeReader(IKubeClient client)
{
    private const int ConcurrentLists = 8;

    public async Task<DeleteCascade?> ReadAsync(LiveResource live, IReadOnlySet<ResourceAddress> owned, CancellationToken cancellationToken)
    {
        var items = (live.Address.Group, live.Address.Kind) switch
        {
            ("", "Namespace") => await NamespaceContentsAsync(live.Address.Name, cancellationToken).ConfigureAwait(false),
            ("apiextensions.k8s.io", "CustomResourceDefinition") => await CustomResourcesAsync(live.Object, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        if (items is null)
        {
            return null;
        }

        var ownedIdentities = owned.Select(ObjectReader.Identity).ToHashSet();
        return new DeleteCascade([.. items.Where(a => !ownedIdentities.Contains(ObjectReader.Identity(a))).Distinct().Order()]);
    }

    private async Task<List<ResourceAddress>> NamespaceContentsAsync(string ns, CancellationToken cancellationToken)
    {
        var kinds = (await client.ServedResourcesAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.Namespaced && r.Verbs.Contains("list") && !IsEvent(r))
            .GroupBy(r => (r.Group, r.Kind))
            .Select(g => g.First())
            .ToList();
        var lists = new (KubeResource Resource, ImmutableArray<JsonObject> Items)[kinds.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, kinds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentLists, CancellationToken = cancellationToken },
            async (i, ct) => lists[i] = (kinds[i], await ListOrEmptyAsync(kinds[i], ns, ct).ConfigureAwait(false)));
        var services = lists.Where(l => l.Resource.Group.Length == 0 && l.Resource.Kind == "Service")
            .SelectMany(l => l.Items)
            .Select(NameOf)
            .ToHashSet(StringComparer.Ordinal);
        return [.. lists.SelectMany(l => l.Items
            .Where(item => !GoesWithSomethingElse(l.Resource, item, services))
            .Select(item => ObjectReader.AddressOf(l.Resource, item)))];
    }

    private async Task<List<ResourceAddress>?> CustomResourcesAsync(JsonObject crd, CancellationToken cancellationToken)
    {
        var group = JsonText.At(crd, "/spec/group");
        var kind = JsonText.At(crd, "/spec/names/kind");
        var version = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"] is JsonValue storage && storage.TryGetValue<bool>(out var isStorage) && isStorage)?["name"]?.GetValue<string>();
        if (group is null || kind is null || version is null)
        {
            return null;
        }

        KubeResource resource;
        try
        {
            resource = await client.ResolveAsync($"{group}/{version}", kind, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return [];
        }

        var items = await ListOrEmptyAsync(resource, null, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(item => ObjectReader.AddressOf(resource, item))];
    }

    private async Task<ImmutableArray<JsonObject>> ListOrEmptyAsync(KubeResource resource, string? ns, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.ListAsync(resource, ns, null, cancellationToken).ConfigureAwait(false)).Items;
        }
        catch (KubeApiException ex) when (ex.Code is 403 or 404 or 405)
        {
            return [];
        }
    }

    private static bool IsEvent(KubeResource resource) =>
        resource.Kind == "Event" && resource.Group is "" or "events.k8s.io";

    private static bool GoesWithSomethingElse(KubeResource resource, JsonObject item, HashSet<string> services) =>
        item["metadata"]?["ownerReferences"] is JsonArray { Count: > 0 }
        || (resource.Group.Length == 0 && resource.Kind switch
        {
            "ServiceAccount" => NameOf(item) == "default",
            "ConfigMap" => NameOf(item) == "kube-root-ca.crt",
            "Endpoints" => services.Contains(NameOf(item)),
            _ => false,
        });

    private static string NameOf(JsonObject item) => JsonText.At(item, "/metadata/name") ?? string.Empty;
}
