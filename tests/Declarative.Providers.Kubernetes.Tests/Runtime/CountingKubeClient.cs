using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>Counts the provider's calls on a real client (discovery excluded), so tests can say "zero requests".</summary>
internal sealed class CountingKubeClient(IKubeClient inner) : IKubeClient
{
    private int requests;
    private int dryRuns;

    public Uri Server => inner.Server;

    public int Requests => requests;

    public int DryRuns => dryRuns;

    public void Reset() => (requests, dryRuns) = (0, 0);

    public Task<KubeResource> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        inner.ResolveAsync(apiVersion, kind, cancellationToken);

    public Task<KubeResource> ResolveKindAsync(string group, string kind, CancellationToken cancellationToken) =>
        inner.ResolveKindAsync(group, kind, cancellationToken);

    public Task<System.Collections.Immutable.ImmutableArray<KubeResource>> ServedResourcesAsync(CancellationToken cancellationToken) =>
        inner.ServedResourcesAsync(cancellationToken);

    public Task<JsonObject?> GetAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        return inner.GetAsync(resource, ns, name, cancellationToken);
    }

    public Task<KubeList> ListAsync(KubeResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        return inner.ListAsync(resource, ns, labelSelector, cancellationToken);
    }

    public Task<JsonObject> ApplyAsync(KubeResource resource, JsonObject obj, KubeApplyOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        if (options.DryRun)
        {
            Interlocked.Increment(ref dryRuns);
        }

        return inner.ApplyAsync(resource, obj, options, cancellationToken);
    }

    public Task<JsonObject> CreateAsync(KubeResource resource, JsonObject obj, KubeCreateOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        if (options.DryRun)
        {
            Interlocked.Increment(ref dryRuns);
        }

        return inner.CreateAsync(resource, obj, options, cancellationToken);
    }

    public Task<JsonObject> JsonPatchAsync(KubeResource resource, string? ns, string name, JsonArray operations, string fieldManager, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        return inner.JsonPatchAsync(resource, ns, name, operations, fieldManager, cancellationToken);
    }

    public Task<bool> DeleteAsync(KubeResource resource, string? ns, string name, DeletePropagation propagation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        return inner.DeleteAsync(resource, ns, name, propagation, cancellationToken);
    }

    public async IAsyncEnumerable<KubeWatchEvent> WatchAsync(KubeResource resource, string? ns, string? name, string resourceVersion, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        await foreach (var change in inner.WatchAsync(resource, ns, name, resourceVersion, timeout, cancellationToken).ConfigureAwait(false))
        {
            yield return change;
        }
    }
}
