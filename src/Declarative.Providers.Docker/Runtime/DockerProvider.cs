using System.Collections.Immutable;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Containers;
using Declarative.Providers.Docker.Runtime.Images;
using Declarative.Providers.Docker.Runtime.Networks;
using Declarative.Providers.Docker.Runtime.Volumes;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Runtime;

/// <summary>
/// The runtime half of the Docker provider (docs/provider-contract.md, docs/containers.md): bulk reads with one list
/// call per kind, plans that compare the applied spec with the inspected object, containers replaced (never patched)
/// except for their restart policy, waits until running or healthy, deletes that refuse to take a volume or network
/// from a container using it. Keeps no per-call state; safe for concurrent calls.
/// </summary>
public sealed class DockerProvider : IResourceProvider, IPlanContextProvider, IDisposable
{
    private readonly ImmutableDictionary<string, IDockerKind> kinds;
    private readonly ImageRegistries registries;

    public DockerProvider(IDockerClient client, DockerProviderOptions? options = null)
        : this(client, options ?? new DockerProviderOptions(), [])
    {
    }

    internal DockerProvider(IDockerClient client, DockerProviderOptions options, IEnumerable<IDockerKind> extraKinds)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        registries = new ImageRegistries(options);
        IDockerKind[] builtIn =
        [
            new ContainerKind(client, options, registries),
            new VolumeKind(client, options),
            new NetworkKind(client, options),
            new RegistryKind(),
            new ImageKind(client, options, registries),
        ];
        kinds = builtIn.Concat(extraKinds).ToImmutableDictionary(k => k.Kind, StringComparer.Ordinal);
    }

    public string Name => "docker";

    public async Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(owner);
        var byKind = ids.ToLookup(id => id.Kind, StringComparer.Ordinal);
        var reads = kinds.Values.Select(kind => kind.ReadAsync([.. byKind[kind.Kind]], owner, cancellationToken));
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        return new ReadResult(
            results.SelectMany(r => r.Live).ToImmutableDictionary(l => l.Address),
            [.. results.SelectMany(r => r.Orphans).OrderBy(o => o.Address)]);
    }

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken) =>
        PlanAsync(desired, live, lastApplied, new PlanContext(false), cancellationToken);

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(context);
        return KindOf(desired.Address).PlanAsync(desired, live, lastApplied, context, cancellationToken);
    }

    public Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(dependencyOutputs);
        if (change.Action is not (ChangeAction.Create or ChangeAction.Update or ChangeAction.Replace) || change.Desired is null)
        {
            throw new ArgumentException($"ApplyAsync carries out a create, update or replace with a desired object, not {change.Action}. This is a bug in Declarative (or in provider docker); please report it.", nameof(change));
        }

        var resolved = UnknownSubstitution.Apply(change.Desired.Object, change.Desired.Unknowns, dependencyOutputs);
        return KindOf(change.Address).ApplyAsync(change, resolved, cancellationToken);
    }

    public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(progress);
        return KindOf(applied.Address).WaitAsync(applied, deadline, progress, cancellationToken);
    }

    public Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(options);
        return KindOf(live.Address).DeleteAsync(live, options, cancellationToken);
    }

    public void Dispose() => registries.Dispose();

    private IDockerKind KindOf(ResourceAddress address) =>
        address.Group == DockerKinds.Group && kinds.TryGetValue(address.Kind, out var kind)
            ? kind
            : throw new ArgumentException($"{address} is not a kind the Docker provider runs. This is a bug in Declarative (or in provider docker); please report it.", nameof(address));
}
