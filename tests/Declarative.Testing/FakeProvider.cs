using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Testing.Fakes;

namespace Declarative.Testing;

/// <summary>
/// An <see cref="IResourceProvider"/> backed by a dictionary of live objects. It records every call in order and
/// fails, stalls or returns outputs where a test asks it to. Thread-safe: the executor calls it concurrently.
/// Objects go in and out as copies, so nothing a test or the engine holds can change the stored state.
/// </summary>
public sealed class FakeProvider(string name = "fake", TimeProvider? timeProvider = null) : IResourceProvider
{
    private static readonly Comparer<LiveResource> ByAddress = Comparer<LiveResource>.Create((a, b) => a.Address.CompareTo(b.Address));

    private readonly Lock gate = new();
    private readonly Dictionary<ResourceAddress, LiveResource> objects = [];
    private readonly List<FakeCall> calls = [];
    private readonly FakeBehaviours behaviours = new();
    private readonly TimeProvider clock = timeProvider ?? TimeProvider.System;

    public string Name => name;

    /// <summary>Every call received so far, in arrival order (recorded before the call stalls or fails).</summary>
    public IReadOnlyList<FakeCall> Calls => Locked(() => (IReadOnlyList<FakeCall>)[.. calls]);

    public LiveResource Seed(ResourceAddress address, ResourceType type, JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        var resource = new LiveResource(address, type, copy, FakeFingerprint.Of(copy));
        Locked(() => objects[address] = resource);
        return Copy(resource);
    }

    public LiveResource? Get(ResourceAddress address) => Locked(() => objects.TryGetValue(address, out var found) ? Copy(found) : null);

    public bool Remove(ResourceAddress address) => Locked(() => objects.Remove(address));

    /// <summary>ApplyAsync of <paramref name="address"/> throws <see cref="InvalidOperationException"/> with this message.</summary>
    public void FailApply(ResourceAddress address, string message) => behaviours.FailApply(address, message);

    /// <summary>WaitAsync of <paramref name="address"/> returns a failed result with this reason and evidence.</summary>
    public void FailWait(ResourceAddress address, string reason, params string[] evidence) =>
        behaviours.FailWait(address, WaitResult.Failed(reason, evidence));

    /// <summary>Calls of <paramref name="method"/> (a <see cref="FakeMethod"/>) never finish until cancelled; a stalled
    /// wait ends at its deadline as a failed result. A null address stalls every address.</summary>
    public void Stall(string method, ResourceAddress? address = null) => behaviours.Stall(method, address);

    /// <summary>What ApplyAsync of <paramref name="address"/> returns as outputs (an Image's "reference").</summary>
    public void ReturnOutputs(ResourceAddress address, ResourceOutputs outputs) => behaviours.SetOutputs(address, outputs);

    /// <summary>A change under this display path plans as a replace instead of an update.</summary>
    public void MarkImmutable(string path) => behaviours.AddImmutablePath(path);

    public async Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken)
    {
        await EnterAsync(FakeMethod.Read, null, cancellationToken);
        var wanted = ids.ToHashSet();
        return Locked(() => new ReadResult(
            objects.Where(pair => wanted.Contains(pair.Key)).ToImmutableDictionary(pair => pair.Key, pair => Copy(pair.Value)),
            [.. objects.Values.Where(r => !wanted.Contains(r.Address) && CarriesLabels(r.Object, owner)).Order(ByAddress).Select(Copy)]));
    }

    public async Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken)
    {
        await EnterAsync(FakeMethod.Plan, desired.Address, cancellationToken);
        return FakePlanner.Plan(desired, live, lastApplied, behaviours.ImmutablePaths);
    }

    public async Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, CancellationToken cancellationToken)
    {
        await EnterAsync(FakeMethod.Apply, change.Address, cancellationToken);
        if (behaviours.ApplyFailure(change.Address) is { } failure)
        {
            throw new InvalidOperationException(failure);
        }

        var desired = change is { Desired: { } d, Action: not ChangeAction.Delete } ? d
            : throw new ArgumentException($"A planned {change.Action} of {change.Address} has nothing to apply.", nameof(change));
        var applied = UnknownSubstitution.Apply(desired.Object, FakePlanner.OrEmpty(desired.Unknowns), dependencyOutputs);
        var stored = Seed(desired.Address, desired.Type, applied);
        return new AppliedResource(desired.Address, desired.Type, applied, behaviours.Outputs(desired.Address), stored.Fingerprint);
    }

    public async Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Record(FakeMethod.Wait, applied.Address);
        progress.Report(new WaitProgress(applied.Address, "waiting until ready"));
        if (behaviours.IsStalled(FakeMethod.Wait, applied.Address))
        {
            await Task.Delay(Until(deadline), clock, cancellationToken);
            return WaitResult.Failed($"{applied.Address} was not ready by {deadline:O}.", "The fake provider was told to stall.");
        }

        return behaviours.WaitResult(applied.Address);
    }

    public async Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken)
    {
        await EnterAsync(FakeMethod.Delete, live.Address, cancellationToken);
        Remove(live.Address);
    }

    private async Task EnterAsync(string method, ResourceAddress? address, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Record(method, address);
        if (behaviours.IsStalled(method, address))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private void Record(string method, ResourceAddress? address) => Locked(() => { calls.Add(new FakeCall(method, address)); return 0; });

    private TimeSpan Until(DateTimeOffset deadline)
    {
        var remaining = deadline - clock.GetUtcNow();
        return remaining < TimeSpan.Zero ? TimeSpan.Zero
            : remaining > TimeSpan.FromDays(24) ? Timeout.InfiniteTimeSpan
            : remaining;
    }

    private static bool CarriesLabels(JsonObject obj, OwnerSelector owner) =>
        obj["metadata"]?["labels"] is JsonObject labels
        && owner.Labels.All(label => labels[label.Key] is JsonValue value && value.ToString() == label.Value);

    private static LiveResource Copy(LiveResource resource) => resource with { Object = (JsonObject)resource.Object.DeepClone() };

    private T Locked<T>(Func<T> action)
    {
        lock (gate)
        {
            return action();
        }
    }
}
