using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Readiness;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// The runtime half of the Kubernetes provider (docs/provider-contract.md, docs/kubernetes-provider.md): bulk reads,
/// plans with dry-runs only where something changed, server-side apply, readiness waits and deletes, over any
/// apiVersion/kind through <see cref="IKubeClient"/>. Keeps no per-call state; safe for concurrent calls. One instance
/// per run: waits and deletes share one watch per kind and namespace for its lifetime, so dispose it (before the
/// client) when the run ends.
/// </summary>
public sealed class KubernetesProvider : IResourceProvider, IPlanContextProvider, IApplyContextProvider, IReleaseProvider, IDeleteCascadeProvider, IAsyncDisposable, IDisposable
{
    private readonly IKubeClient client;
    private readonly KubernetesProviderOptions options;
    private readonly ObjectWatcher watcher;
    private readonly ObjectDeleter deleter;

    public KubernetesProvider(IKubeClient client, KubernetesProviderOptions? options = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = options ?? new KubernetesProviderOptions();
        watcher = new ObjectWatcher(client, this.options);
        deleter = new ObjectDeleter(client, watcher);
    }

    public string Name => "kubernetes";

    public Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken) =>
        ReadAsync(ids, owner, ImmutableDictionary<KindRef, string>.Empty, cancellationToken);

    /// <summary>ReadAsync for ids whose kinds are not built in (custom resources): <paramref name="apiVersions"/>
    /// says which apiVersion to resolve each such kind by.</summary>
    public Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, IReadOnlyDictionary<KindRef, string> apiVersions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(apiVersions);
        return new ObjectReader(client, options).ReadAsync(ids, owner, apiVersions, cancellationToken);
    }

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken) =>
        PlanAsync(desired, live, lastApplied, KubernetesPlanHints.None, cancellationToken);

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken) =>
        PlanAsync(desired, live, lastApplied, new KubernetesPlanHints(context.DependencyBeingCreated, context.Offline), cancellationToken);

    /// <summary>PlanAsync with what the engine knows besides the three objects: with
    /// <see cref="KubernetesPlanHints.DependencyBeingCreated"/> the plan is local and marked ServerDefaultsUnknown.</summary>
    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, KubernetesPlanHints hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(hints);
        return new ChangePlanner(client, options).PlanAsync(desired, live, lastApplied, hints, cancellationToken);
    }

    public Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, CancellationToken cancellationToken) =>
        ApplyAsync(change, dependencyOutputs, new ApplyContext(null), cancellationToken);

    /// <summary>ApplyAsync knowing what was applied last (<see cref="ApplyContext.LastApplied"/>): a replace whose new
    /// object the server refuses recreates the previous object from it, and an update of an object never applied by
    /// this environment (adopted) takes over the fields of client-side <c>kubectl apply</c>.</summary>
    public async Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, ApplyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(dependencyOutputs);
        ArgumentNullException.ThrowIfNull(context);
        if (change.Action is not (ChangeAction.Create or ChangeAction.Update or ChangeAction.Replace) || change.Desired is null)
        {
            throw new ArgumentException($"ApplyAsync carries out a create, update or replace with a desired object, not {change.Action}. This is a bug in Declarative (or in provider kubernetes); please report it.", nameof(change));
        }

        var desired = change.Desired;
        var resolved = UnknownSubstitution.Apply(desired.Object, desired.Unknowns, dependencyOutputs);
        var resource = await ResolveAsync(desired.Type, cancellationToken).ConfigureAwait(false);
        var ns = NamespaceOf(resource, desired.Address);
        var sent = change.Action == ChangeAction.Update ? ApplyObjects.ForUpdate(resolved, desired.IgnoredPaths) : resolved;
        JsonObject stored;
        if (change.Action == ChangeAction.Replace && change.Live is not null)
        {
            stored = await new ObjectReplacer(client, options, deleter).ReplaceAsync(resource, ns, sent, change.Live, context.LastApplied, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            stored = await client.ApplyAsync(resource, sent, ApplyOptions, cancellationToken).ConfigureAwait(false);
            if (change.Action == ChangeAction.Update && context.LastApplied is null)
            {
                stored = await new AdoptionTakeover(client, options).TakeOverAsync(resource, ns, stored, sent, cancellationToken).ConfigureAwait(false);
            }
        }

        return new AppliedResource(desired.Address, desired.Type, sent, OutputsOf(stored), LiveFingerprint.Of(stored));
    }

    public async Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(progress);
        var resource = await ResolveAsync(applied.Type, cancellationToken).ConfigureAwait(false);
        return await new ReadinessWaiter(watcher, options).WaitAsync(resource, applied, NamespaceOf(resource, applied.Address), deadline, progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(options);
        var resource = await ResolveAsync(live.Type, cancellationToken).ConfigureAwait(false);
        await deleter.DeleteAsync(resource, NamespaceOf(resource, live.Address), live, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(LiveResource live, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        var resource = await ResolveAsync(live.Type, cancellationToken).ConfigureAwait(false);
        await new ObjectReleaser(client, options).ReleaseAsync(resource, NamespaceOf(resource, live.Address), live.Address.Name, cancellationToken).ConfigureAwait(false);
    }

    public Task<DeleteCascade?> ReadCascadeAsync(LiveResource live, IReadOnlySet<ResourceAddress> owned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(owned);
        return new DeleteCascadeReader(client).ReadAsync(live, owned, cancellationToken);
    }

    /// <summary>Ends the shared watches; waits still running fail with <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync() => watcher.DisposeAsync();

    public void Dispose() => watcher.Dispose();

    private KubeApplyOptions ApplyOptions => new(options.FieldManager, options.ForceConflicts);

    private Task<KubeResource> ResolveAsync(ResourceType type, CancellationToken cancellationToken) =>
        client.ResolveAsync(type.ApiVersion, type.Kind, cancellationToken);

    private string? NamespaceOf(KubeResource resource, ResourceAddress address) =>
        resource.Namespaced ? address.Namespace ?? options.DefaultNamespace : null;

    private static ResourceOutputs OutputsOf(JsonObject stored)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, pointer) in new[] { ("uid", "/metadata/uid"), ("resourceVersion", "/metadata/resourceVersion") })
        {
            if (JsonText.At(stored, pointer) is { } value)
            {
                values[name] = value;
            }
        }

        return new ResourceOutputs(values.ToImmutable());
    }
}
