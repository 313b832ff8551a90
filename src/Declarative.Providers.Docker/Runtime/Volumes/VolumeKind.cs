using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Volumes;

/// <summary>
/// The Volume kind: `docker volume create` with labels. Present is a no-op; a changed driver, option or label is a
/// replace (the engine cannot change a volume), and removing a volume a container uses is refused, naming it.
/// </summary>
internal sealed class VolumeKind(IDockerClient client, DockerProviderOptions options) : IDockerKind
{
    public string Kind => DockerKinds.Volume;

    public async Task<KindReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken)
    {
        var listed = (await client.Volumes.ListAsync(new VolumesListParameters { Filters = DockerLabels.OwnerFilter(owner) }, cancellationToken).ConfigureAwait(false)).Volumes ?? [];
        return await NamedObjects.ReadAsync(ids, listed, v => v.Name, InspectAsync, (address, volume) => ToLive(address, volume), Kind, cancellationToken).ConfigureAwait(false);
    }

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken) =>
        Task.FromResult(SimpleObjects.Plan(desired, live, lastApplied, "replacing a volume deletes its data"));

    public async Task<AppliedResource> ApplyAsync(PlannedChange change, JsonObject resolved, CancellationToken cancellationToken)
    {
        var name = change.Address.Name;
        if (change.Live is not null)
        {
            await DeleteAsync(change.Live, new DeleteOptions(), cancellationToken).ConfigureAwait(false);
        }

        var spec = resolved["spec"] as JsonObject ?? [];
        var labels = SimpleObjects.LabelsToApply(resolved);
        VolumeResponse created;
        try
        {
            created = await client.Volumes.CreateAsync(
                new VolumesCreateParameters
                {
                    Name = name,
                    Driver = JsonText.Of(spec["driver"]) ?? "local",
                    DriverOpts = Scalars.StringMap(spec["driverOpts"]),
                    Labels = labels,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException error)
        {
            throw new DockerOperationException($"Creating volume {name} failed: {DockerErrors.MessageOf(error)}.", error);
        }

        var live = ToLive(change.Address, created);
        return new AppliedResource(change.Address, change.Desired!.Type, resolved, new ResourceOutputs(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("name", created.Name)])), live.Fingerprint);
    }

    public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken) =>
        Task.FromResult(WaitResult.Success);

    public async Task DeleteAsync(LiveResource live, DeleteOptions deleteOptions, CancellationToken cancellationToken)
    {
        var name = live.Address.Name;
        var users = await InUse.ContainersUsingAsync(client, "volume", name, cancellationToken).ConfigureAwait(false);
        if (users.Count > 0 && !options.RemoveInUse)
        {
            throw InUse.Refusal($"Volume {name}", users);
        }

        await DockerErrors.RemoveAsync($"volume {name}", () => client.Volumes.RemoveAsync(name, options.RemoveInUse, cancellationToken)).ConfigureAwait(false);
    }

    private Task<VolumeResponse?> InspectAsync(string name, CancellationToken cancellationToken) =>
        DockerErrors.OrNullWhenMissingAsync(() => client.Volumes.InspectAsync(name, cancellationToken));

    private static LiveResource ToLive(ResourceAddress address, VolumeResponse volume)
    {
        var spec = new JsonObject
        {
            ["driver"] = volume.Driver,
            ["driverOpts"] = new JsonObject((volume.Options ?? new Dictionary<string, string>()).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => KeyValuePair.Create<string, JsonNode?>(o.Key, o.Value))),
        };
        var compared = SimpleObjects.Compared(DockerKinds.Volume, volume.Name, volume.Labels, spec);
        return new LiveResource(address, new ResourceType(DockerKinds.ApiVersion, DockerKinds.Volume), compared, DockerFingerprint.Of(compared, volume.Name));
    }

    private static ResourceAddress AddressOf(string name) => new(string.Empty, DockerKinds.Group, DockerKinds.Volume, null, name);
}
