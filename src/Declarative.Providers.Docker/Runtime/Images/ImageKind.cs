using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// The Image kind (docs/images.md): `docker build` and `docker push`, addressed by the digest of the inputs, so an
/// unchanged image is never rebuilt and its dependents get the pinned <c>repository:tag@digest</c>. An Image reads
/// as present (whether its tag exists is decided per plan); deleting or pruning one never deletes registry content
/// or local images.
/// </summary>
internal sealed class ImageKind(IDockerClient client, DockerProviderOptions options, ImageRegistries registries) : IDockerKind
{
    public string Kind => DockerKinds.Image;

    public Task<KindReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken) =>
        Task.FromResult(AlwaysPresent.Read(ids, Kind, owner, "content-addressed"));

    /// <summary>A rollback reuses the pinned reference its target revision applied: nothing is rebuilt, whatever the
    /// context holds now. An image has no live state that can drift, so a drift check asks nothing.</summary>
    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken)
    {
        if (context.Pinned is { } pinned && pinned.Outputs[ImagePlanner.ReferencePath] is not null)
        {
            return Task.FromResult(new PlannedChange(desired.Address, ChangeAction.NoOp, [], [], null, [], [], desired, live, KnownOutputs: pinned.Outputs));
        }

        return context.Offline
            ? Task.FromResult(new PlannedChange(desired.Address, ChangeAction.NoOp, [], [], null, [], [], desired, live))
            : new ImagePlanner(client, registries, options).PlanAsync(desired, live, lastApplied, cancellationToken);
    }

    public async Task<AppliedResource> ApplyAsync(PlannedChange change, JsonObject resolved, CancellationToken cancellationToken)
    {
        var address = change.Address;
        var folder = options.DocumentFolders.GetValueOrDefault(address);
        var image = ImageSpec.Read(resolved, folder);
        var (context, tag) = await new ImageTagger(options).TagAsync(image, cancellationToken).ConfigureAwait(false);
        var local = image.LocalReference(tag);
        var imageId = await LocalImages.IdOfAsync(client, local, cancellationToken).ConfigureAwait(false)
            ?? await new ImageBuilder(client, options).BuildAsync(address, image, context, local, Ownership(resolved), cancellationToken).ConfigureAwait(false);
        var outputs = image.Repository is { } repository
            ? ImagePlanner.Outputs(await PushedAsync(address, image, repository, tag, imageId, cancellationToken).ConfigureAwait(false))
            : ImagePlanner.Outputs((local, tag, null, imageId));
        var fingerprint = new Fingerprint($"tag:{tag}", imageId, null);
        return new AppliedResource(address, change.Desired!.Type, ImageSpec.WithAbsoluteContext(resolved, folder), outputs, fingerprint);
    }

    public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken) =>
        Task.FromResult(WaitResult.Success);

    /// <summary>Registry content is never deleted, and a local image may be used by containers of other projects.</summary>
    public Task DeleteAsync(LiveResource live, DeleteOptions deleteOptions, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<(string, string, string?, string?)> PushedAsync(ResourceAddress address, ImageSpec image, string repository, string tag, string imageId, CancellationToken cancellationToken)
    {
        var digest = await new ImagePusher(client, registries, options).PushAsync(address, image, tag, cancellationToken).ConfigureAwait(false);
        return ($"{repository}:{tag}@{digest}", tag, digest, imageId);
    }

    private static ImmutableSortedDictionary<string, string> Ownership(JsonObject document) =>
        (document["metadata"]?["labels"] as JsonObject ?? [])
            .Where(l => DockerLabels.IsOwnership(l.Key))
            .ToImmutableSortedDictionary(l => l.Key, l => Scalars.Text(l.Value) ?? string.Empty, StringComparer.Ordinal);
}
