using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// Carries out a container's change: in place (restart policy, start) for an update; otherwise stop with the
/// container's timeout, remove, create, connect the other networks, start. A container that fails to start is
/// removed again, so a failed apply leaves no half-made container behind.
/// </summary>
internal sealed class ContainerApplier(IDockerClient client, DockerProviderOptions options, Images.ImageRegistries registries)
{
    public async Task<AppliedResource> ApplyAsync(PlannedChange change, JsonObject resolved, CancellationToken cancellationToken)
    {
        var desired = change.Desired!;
        var sent = ContainerDocument.WithAbsoluteVolumes(resolved, options.DocumentFolders.GetValueOrDefault(desired.Address));
        var spec = ContainerDocument.Read(sent, null);
        var id = change.Action == ChangeAction.Update && change.Live is not null
            ? await UpdateInPlaceAsync(change.Live, spec, cancellationToken).ConfigureAwait(false)
            : await RecreateAsync(change, spec, cancellationToken).ConfigureAwait(false);
        var container = await ContainerReader.InspectAsync(client, id, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerOperationException($"Container {spec.Name} disappeared right after it was started: something else removed it. Run the apply again.");
        var live = ContainerReader.ToLive(desired.Address, container);
        var outputs = new ResourceOutputs(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("id", container.ID),
            KeyValuePair.Create("imageId", container.Image),
        ]));
        return new AppliedResource(desired.Address, desired.Type, sent, outputs, live.Fingerprint);
    }

    private async Task<string> UpdateInPlaceAsync(LiveResource live, ContainerSpec spec, CancellationToken cancellationToken)
    {
        var id = live.Fingerprint.Uid ?? spec.Name;
        var current = await ContainerReader.InspectAsync(client, id, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerOperationException($"Container {spec.Name} was removed after the plan was made. Run the plan again.");
        var restart = spec.Restart ?? "no";
        if (ContainerInspection.RestartText(current.HostConfig?.RestartPolicy) != restart)
        {
            await Guard($"Changing the restart policy of container {spec.Name}", () =>
                client.Containers.UpdateContainerAsync(id, new ContainerUpdateParameters { RestartPolicy = ContainerCreation.RestartPolicyOf(restart) }, cancellationToken)).ConfigureAwait(false);
        }

        if (current.State?.Running != true)
        {
            await StartAsync(id, spec.Name, removeOnFailure: false, cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    private async Task<string> RecreateAsync(PlannedChange change, ContainerSpec spec, CancellationToken cancellationToken)
    {
        await RemoveExistingAsync(change, spec.Name, cancellationToken).ConfigureAwait(false);
        await new ImagePresence(client, registries).EnsureAsync(spec.Image!, $"container {spec.Name}", cancellationToken).ConfigureAwait(false);
        var specHash = DockerFingerprint.SpecHash(ContainerJson.Of(spec));
        var created = await Guard($"Creating container {spec.Name}", () =>
            client.Containers.CreateContainerAsync(ContainerCreation.Parameters(spec, specHash), cancellationToken)).ConfigureAwait(false);
        try
        {
            foreach (var network in (spec.Networks ?? []).Skip(1))
            {
                await Guard($"Connecting container {spec.Name} to network {network}", () =>
                    client.Networks.ConnectNetworkAsync(network, new NetworkConnectParameters { Container = created.ID }, cancellationToken)).ConfigureAwait(false);
            }
        }
        catch
        {
            await RemoveQuietlyAsync(created.ID).ConfigureAwait(false);
            throw;
        }

        await StartAsync(created.ID, spec.Name, removeOnFailure: true, cancellationToken).ConfigureAwait(false);
        return created.ID;
    }

    /// <summary>The container of that name goes first: the one the plan saw, or one of ours that a lost response left
    /// behind. A container of that name that is not ours and that the plan did not adopt is never touched.</summary>
    private async Task RemoveExistingAsync(PlannedChange change, string name, CancellationToken cancellationToken)
    {
        var existing = await ContainerReader.InspectAsync(client, name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return;
        }

        var ours = change.Live?.Fingerprint.Uid == existing.ID || IsOwnedBy(existing, change.Desired!.Object);
        if (!ours)
        {
            throw new DockerOperationException($"A container named {name} appeared after the plan was made and is not managed by this environment. Remove or rename it, or run the plan again with --adopt.");
        }

        await ContainerRemoval.StopAndRemoveAsync(client, existing, options.DefaultStopTimeout, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsOwnedBy(ContainerInspectResponse container, JsonObject desired)
    {
        var labels = container.Config?.Labels ?? new Dictionary<string, string>();
        return (desired["metadata"]?["labels"] as JsonObject ?? [])
            .Where(l => DockerLabels.IsOwnership(l.Key))
            .All(l => labels.TryGetValue(l.Key, out var value) && value == JsonText.Of(l.Value))
            && labels.ContainsKey(WellKnown.ManagedByLabel);
    }

    private async Task StartAsync(string id, string name, bool removeOnFailure, CancellationToken cancellationToken)
    {
        try
        {
            await Guard($"Starting container {name}", () => client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken)).ConfigureAwait(false);
        }
        catch when (removeOnFailure)
        {
            await RemoveQuietlyAsync(id).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Cleanup after a failure must not hide the failure, and runs even when the run is being cancelled.</summary>
    private async Task RemoveQuietlyAsync(string id)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is DockerApiException or OperationCanceledException or HttpRequestException)
        {
            // The original error is what the user needs; a leftover created container is replaced by the next apply.
        }
    }

    private static async Task<T> Guard<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (DockerApiException error)
        {
            throw new DockerOperationException($"{what} failed: {DockerErrors.MessageOf(error)}.", error);
        }
    }

    private static async Task Guard(string what, Func<Task> call) =>
        await Guard(what, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
}
