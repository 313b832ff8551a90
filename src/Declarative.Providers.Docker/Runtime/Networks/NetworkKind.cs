using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Networks;

/// <summary>
/// The Network kind: `docker network create` with labels. The engine no longer refuses a second network of the
/// same name (CheckDuplicate is gone), so create looks first and never makes two. Present is a no-op; a change is
/// a replace; removing a network a container is connected to is refused, naming it.
/// </summary>
internal sealed class NetworkKind(IDockerClient client, DockerProviderOptions options) : IDockerKind
{
    public string Kind => DockerKinds.Network;

    public async Task<KindReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken)
    {
        var listed = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = DockerLabels.OwnerFilter(owner) }, cancellationToken).ConfigureAwait(false);
        return await NamedObjects.ReadAsync(ids, listed, n => n.Name, InspectAsync, ToLive, Kind, cancellationToken).ConfigureAwait(false);
    }

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken) =>
        Task.FromResult(SimpleObjects.Plan(desired, live, lastApplied, "containers connected to it must be disconnected first"));

    public async Task<AppliedResource> ApplyAsync(PlannedChange change, JsonObject resolved, CancellationToken cancellationToken)
    {
        var name = change.Address.Name;
        if (change.Live is not null)
        {
            await DeleteAsync(change.Live, new DeleteOptions(), cancellationToken).ConfigureAwait(false);
        }

        var network = await InspectAsync(name, cancellationToken).ConfigureAwait(false);
        if (network is null)
        {
            var spec = resolved["spec"] as JsonObject ?? [];
            var subnet = JsonText.Of(spec["subnet"]);
            try
            {
                var created = await client.Networks.CreateNetworkAsync(
                    new NetworksCreateParameters
                    {
                        Name = name,
                        Driver = JsonText.Of(spec["driver"]) ?? "bridge",
                        Internal = spec["internal"] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.True,
                        IPAM = subnet is null ? null : new IPAM { Config = [new IPAMConfig { Subnet = subnet }] },
                        Labels = SimpleObjects.LabelsToApply(resolved),
                    },
                    cancellationToken).ConfigureAwait(false);
                network = await InspectAsync(created.ID, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException error)
            {
                throw new DockerOperationException($"Creating network {name} failed: {DockerErrors.MessageOf(error)}.", error);
            }
        }

        if (network is null)
        {
            throw new DockerOperationException($"Network {name} disappeared right after it was created: something else removed it. Run the apply again.");
        }

        var live = ToLive(change.Address, network);
        return new AppliedResource(change.Address, change.Desired!.Type, resolved, new ResourceOutputs(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("id", network.ID)])), live.Fingerprint);
    }

    public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken) =>
        Task.FromResult(WaitResult.Success);

    public async Task DeleteAsync(LiveResource live, DeleteOptions deleteOptions, CancellationToken cancellationToken)
    {
        var name = live.Address.Name;
        var users = await InUse.ContainersUsingAsync(client, "network", name, cancellationToken).ConfigureAwait(false);
        if (users.Count > 0)
        {
            if (!options.RemoveInUse)
            {
                throw InUse.Refusal($"Network {name}", users);
            }

            foreach (var user in users)
            {
                await client.Networks.DisconnectNetworkAsync(name, new NetworkDisconnectParameters { Container = user, Force = true }, cancellationToken).ConfigureAwait(false);
            }
        }

        await DockerErrors.RemoveAsync($"network {name}", () => client.Networks.DeleteNetworkAsync(live.Fingerprint.Uid ?? name, cancellationToken)).ConfigureAwait(false);
    }

    private Task<NetworkResponse?> InspectAsync(string nameOrId, CancellationToken cancellationToken) =>
        DockerErrors.OrNullWhenMissingAsync(() => client.Networks.InspectNetworkAsync(nameOrId, cancellationToken));

    private static LiveResource ToLive(ResourceAddress address, NetworkResponse network)
    {
        var spec = new JsonObject { ["driver"] = network.Driver, ["internal"] = network.Internal };
        if (network.IPAM?.Config?.FirstOrDefault()?.Subnet is { Length: > 0 } subnet)
        {
            spec["subnet"] = subnet;
        }

        var compared = SimpleObjects.Compared(DockerKinds.Network, network.Name, network.Labels, spec);
        return new LiveResource(address, new ResourceType(DockerKinds.ApiVersion, DockerKinds.Network), compared, DockerFingerprint.Of(compared, network.ID));
    }
}
