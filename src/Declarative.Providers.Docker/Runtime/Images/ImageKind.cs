using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;

namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// The Image kind until builds arrive: every Image plans as "+ build" with its reference known only after apply,
/// so the Containers and Deployments that use it plan with "(known after apply)"; applying it explains that
/// building is not there yet.
/// </summary>
internal sealed class ImageKind : IDockerKind
{
    public string Kind => DockerKinds.Image;

    public Task<KindReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken) =>
        Task.FromResult(new KindReadResult([], []));

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken)
    {
        var compared = new ComparedObjects(desired, desired.Object, null, null, live);
        return Task.FromResult(compared.Change(ChangeAction.Create, compared.Diffs(), []) with { Verb = "build" });
    }

    public Task<AppliedResource> ApplyAsync(PlannedChange change, JsonObject resolved, CancellationToken cancellationToken) =>
        throw new DockerOperationException($"Building {change.Address} is not supported by this version of Declarative yet. Build and tag the image yourself and refer to it by its reference.");

    public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken) =>
        Task.FromResult(WaitResult.Success);

    public Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken) => Task.CompletedTask;
}
