using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Docker.Runtime.Shared;

namespace Declarative.Providers.Docker.Runtime;

/// <summary>
/// A Registry is data only (DESIGN "Resource documents"): it is never created, changed, deleted or pruned, so it
/// always reads as present and plans as a no-op. Images read its server and credentials.
/// </summary>
internal sealed class RegistryKind : IDockerKind
{
    public string Kind => DockerKinds.Registry;

    public Task<KindReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken) =>
        Task.FromResult(AlwaysPresent.Read(ids, Kind, owner, "data-only"));

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new PlannedChange(desired.Address, ChangeAction.NoOp, [], [], null, [], [], desired, live));

    public Task<AppliedResource> ApplyAsync(PlannedChange change, JsonObject resolved, CancellationToken cancellationToken) =>
        Task.FromResult(new AppliedResource(change.Address, change.Desired!.Type, resolved, ResourceOutputs.Empty, new Fingerprint("data-only", null, null)));

    public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken) =>
        Task.FromResult(WaitResult.Success);

    /// <summary>Removing a Registry document forgets it; nothing outside changes.</summary>
    public Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken) => Task.CompletedTask;
}
