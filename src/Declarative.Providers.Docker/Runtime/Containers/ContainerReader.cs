using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// The bulk read of containers: one list by the owner's labels, then an inspect per container found (the list does
/// not carry env, entrypoint, restart policy or healthcheck), and an inspect by name only for ids the list did not
/// return (a container that lost our labels, or one never ours).
/// </summary>
internal sealed class ContainerReader(IDockerClient client)
{
    private const int MaxConcurrentInspects = 8;

    public async Task<KindReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken)
    {
        var listed = await client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = DockerLabels.OwnerFilter(owner) },
            cancellationToken).ConfigureAwait(false);
        var byName = ids.ToDictionary(id => id.Name, StringComparer.Ordinal);
        var listedNames = listed.Select(NameOf).ToHashSet(StringComparer.Ordinal);
        var names = listedNames.Concat(byName.Keys.Where(n => !listedNames.Contains(n))).ToList();

        using var gate = new SemaphoreSlim(MaxConcurrentInspects);
        var inspected = await Task.WhenAll(names.Select(async name =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await InspectAsync(client, name, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        var live = new List<LiveResource>();
        var orphans = new List<LiveResource>();
        foreach (var container in inspected.OfType<ContainerInspectResponse>())
        {
            var name = container.Name.TrimStart('/');
            var address = byName.TryGetValue(name, out var id) ? id : new ResourceAddress(string.Empty, DockerKinds.Group, DockerKinds.Container, null, name);
            (byName.ContainsKey(name) ? live : orphans).Add(ToLive(address, container));
        }

        return new KindReadResult(live, orphans);
    }

    public static LiveResource ToLive(ResourceAddress address, ContainerInspectResponse container)
    {
        var compared = ContainerJson.Of(ContainerInspection.Read(container));
        return new LiveResource(address, new ResourceType(DockerKinds.ApiVersion, DockerKinds.Container), compared, DockerFingerprint.Of(compared, container.ID));
    }

    /// <summary>The container by name or ID, or null when there is none.</summary>
    public static Task<ContainerInspectResponse?> InspectAsync(IDockerClient client, string nameOrId, CancellationToken cancellationToken) =>
        DockerErrors.OrNullWhenMissingAsync(() => client.Containers.InspectContainerAsync(nameOrId, cancellationToken));

    private static string NameOf(ContainerListResponse container) => (container.Names?.FirstOrDefault() ?? container.ID).TrimStart('/');
}
