using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>The Container kind: `docker run -d` written down (docs/containers.md).</summary>
internal sealed class ContainerKind(IDockerClient client, DockerProviderOptions options, Images.ImageRegistries registries) : IDockerKind
{
    public string Kind => DockerKinds.Container;

    public Task<KindReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken) =>
        new ContainerReader(client).ReadAsync(ids, owner, cancellationToken);

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken) =>
        new ContainerPlanner(client, options).PlanAsync(desired, live, lastApplied, cancellationToken);

    public Task<AppliedResource> ApplyAsync(PlannedChange change, JsonObject resolved, CancellationToken cancellationToken) =>
        new ContainerApplier(client, options, registries).ApplyAsync(change, resolved, cancellationToken);

    public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken) =>
        new ContainerWaiter(client, options, TimeProvider.System).WaitAsync(applied, deadline, progress, cancellationToken);

    public async Task DeleteAsync(LiveResource live, DeleteOptions deleteOptions, CancellationToken cancellationToken)
    {
        var container = await ContainerReader.InspectAsync(client, live.Fingerprint.Uid ?? live.Address.Name, cancellationToken).ConfigureAwait(false);
        if (container is not null)
        {
            await ContainerRemoval.StopAndRemoveAsync(client, container, options.DefaultStopTimeout, cancellationToken).ConfigureAwait(false);
        }
    }
}
