using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Runtime;

/// <summary>
/// The runtime of one Docker kind. <see cref="DockerProvider"/> routes every seam call to the handler of the
/// resource's kind; each handler follows docs/provider-contract.md for its kind.
/// </summary>
internal interface IDockerKind
{
    string Kind { get; }

    /// <summary>One list call for the kind: the live objects of <paramref name="ids"/> and the owner's other objects.</summary>
    Task<KindReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken);

    /// <param name="context">What the engine knows besides the three objects (a rollback's pinned outputs).</param>
    Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, PlanContext context, CancellationToken cancellationToken);

    /// <param name="resolved">The desired object with its unknowns substituted.</param>
    Task<AppliedResource> ApplyAsync(PlannedChange change, JsonObject resolved, CancellationToken cancellationToken);

    Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken);

    Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken);
}

/// <summary>What one kind's bulk read found.</summary>
internal sealed record KindReadResult(IReadOnlyList<LiveResource> Live, IReadOnlyList<LiveResource> Orphans);
