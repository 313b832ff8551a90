using System.Collections.Concurrent;
using System.Collections.Immutable;
using Declarative.Core.Providers;
using Declarative.Testing;

namespace Declarative.Core.Tests.Planning.Engine;

/// <summary>A <see cref="FakeProvider"/> that also remembers the ids of every read and the desired resources it
/// was asked to plan, which FakeProvider's call log does not keep.</summary>
internal sealed class RecordingProvider(FakeProvider inner) : IResourceProvider
{
    private readonly ConcurrentQueue<ImmutableArray<ResourceAddress>> reads = new();
    private readonly ConcurrentDictionary<ResourceAddress, DesiredResource> planned = new();

    public FakeProvider Fake => inner;

    public string Name => inner.Name;

    public IReadOnlyList<ImmutableArray<ResourceAddress>> Reads => [.. reads];

    public DesiredResource PlannedDesired(ResourceAddress address) => planned[address];

    public Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken)
    {
        reads.Enqueue([.. ids]);
        return inner.ReadAsync(ids, owner, cancellationToken);
    }

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken)
    {
        planned[desired.Address] = desired;
        return inner.PlanAsync(desired, live, lastApplied, cancellationToken);
    }

    public Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, CancellationToken cancellationToken) =>
        inner.ApplyAsync(change, dependencyOutputs, cancellationToken);

    public Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken) =>
        inner.WaitAsync(applied, deadline, progress, cancellationToken);

    public Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken) =>
        inner.DeleteAsync(live, options, cancellationToken);
}
