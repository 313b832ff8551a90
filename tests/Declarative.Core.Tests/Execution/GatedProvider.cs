using Declarative.Core.Providers;
using Declarative.Testing;
using Declarative.Testing.Fakes;

namespace Declarative.Core.Tests.Execution;

/// <summary>
/// Wraps a <see cref="FakeProvider"/> so a test can hold Apply, Delete or Wait calls at a gate until it releases them,
/// see how many calls have entered, and how many were in flight at once.
/// </summary>
internal sealed class GatedProvider(FakeProvider inner) : IResourceProvider
{
    private readonly Lock sync = new();
    private readonly Dictionary<(string Method, ResourceAddress? Address), TaskCompletionSource> gates = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> watchers = [];
    private int entered;
    private int inFlight;
    private int maxInFlight;

    public string Name => inner.Name;

    public FakeProvider Inner => inner;

    public int Entered => Locked(() => entered);

    public int MaxInFlight => Locked(() => maxInFlight);

    /// <summary>Calls of <paramref name="method"/> for <paramref name="address"/> (null: every address) wait at a gate.</summary>
    public void Hold(string method, ResourceAddress? address = null) =>
        Locked(() => gates[(method, address)] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release(string method, ResourceAddress? address = null) => Locked(() => gates[(method, address)]).TrySetResult();

    /// <summary>Completes once <paramref name="count"/> gated-method calls have entered; fails the test after 10 s.</summary>
    public Task WhenEnteredAsync(int count)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Locked(() =>
        {
            watchers.Add((count, signal));
            Notify();
            return 0;
        });
        return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public Task<ReadResult> ReadAsync(IReadOnlyCollection<ResourceAddress> ids, OwnerSelector owner, CancellationToken cancellationToken) =>
        inner.ReadAsync(ids, owner, cancellationToken);

    public Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken) =>
        inner.PlanAsync(desired, live, lastApplied, cancellationToken);

    public async Task<AppliedResource> ApplyAsync(PlannedChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            await PassAsync(FakeMethod.Apply, change.Address, cancellationToken);
            return await inner.ApplyAsync(change, dependencyOutputs, cancellationToken);
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>Waits pass the Wait gate too, but are not counted as calls in flight: they are not mutating calls.</summary>
    public async Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken)
    {
        await PassAsync(FakeMethod.Wait, applied.Address, cancellationToken);
        return await inner.WaitAsync(applied, deadline, progress, cancellationToken);
    }

    public async Task DeleteAsync(LiveResource live, DeleteOptions options, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            await PassAsync(FakeMethod.Delete, live.Address, cancellationToken);
            await inner.DeleteAsync(live, options, cancellationToken);
        }
        finally
        {
            Leave();
        }
    }

    private Task PassAsync(string method, ResourceAddress address, CancellationToken cancellationToken)
    {
        var gate = Locked(() => gates.GetValueOrDefault((method, address)) ?? gates.GetValueOrDefault((method, null)));
        return gate is null ? Task.CompletedTask : gate.Task.WaitAsync(cancellationToken);
    }

    private void Enter() => Locked(() =>
    {
        entered++;
        inFlight++;
        maxInFlight = Math.Max(maxInFlight, inFlight);
        Notify();
        return 0;
    });

    private void Leave() => Locked(() => inFlight--);

    private void Notify()
    {
        foreach (var watcher in watchers.Where(w => entered >= w.Count))
        {
            watcher.Signal.TrySetResult();
        }
    }

    private T Locked<T>(Func<T> action)
    {
        lock (sync)
        {
            return action();
        }
    }
}
