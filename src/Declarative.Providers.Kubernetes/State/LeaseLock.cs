using System.Text.Json.Nodes;
using Declarative.Core.State;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// The Kubernetes store's lock: a coordination.k8s.io/v1 Lease named after the project and environment, held while
/// its holder renews it (every third of its duration, in the background). A second run finds it held and fails at
/// once naming the holder; a Lease nobody renewed for its duration is taken over with an optimistic update on its
/// resourceVersion, never deleted, so two runs that both find it expired cannot both take it. Disposing clears the
/// holder, again only if the Lease is still ours. A renewal that finds someone else holding it marks the lock
/// <see cref="Lost"/>: the store then refuses this run's writes.
/// </summary>
internal sealed class LeaseLock : IStateLock
{
    private const int Attempts = 3;

    private readonly StateApi api;
    private readonly string name;
    private readonly KubernetesStateOptions options;
    private readonly string identity;
    private readonly int transitions;
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private string resourceVersion;
    private Task renewal = Task.CompletedTask;
    private int disposed;

    private LeaseLock(StateApi api, string name, KubernetesStateOptions options, LockRecord holder, string identity, LeaseState state)
    {
        this.api = api;
        this.name = name;
        this.options = options;
        this.identity = identity;
        transitions = state.Transitions;
        resourceVersion = state.ResourceVersion;
        Holder = holder;
    }

    public LockRecord Holder { get; }

    public Revision? AbandonedPending { get; private set; }

    /// <summary>Null while the Lease is ours; else what a renewal found instead.</summary>
    public string? Lost { get; private set; }

    public bool IsReleased => Volatile.Read(ref disposed) == 1;

    /// <summary>How many renewals succeeded (tests).</summary>
    public int Renewals { get; private set; }

    private int DurationSeconds => LeaseDurationSeconds(options);

    private string Where => $"{api.Namespace}/{name}";

    public static int LeaseDurationSeconds(KubernetesStateOptions options) => Math.Max(1, (int)Math.Ceiling(options.LeaseDuration.TotalSeconds));

    /// <summary>Takes the Lease, or throws <see cref="StateLockedException"/> at once naming its holder.</summary>
    public static async Task<LeaseLock> AcquireAsync(StateApi api, string name, KubernetesStateOptions options, LockRecord requester, CancellationToken cancellationToken)
    {
        var identity = LeaseState.IdentityOf(requester);
        var duration = LeaseDurationSeconds(options);
        var wrote = false;
        LeaseState? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = options.Clock.GetUtcNow();
            var lease = await api.GetAsync(StateApi.Leases, name, cancellationToken);
            if (lease is null)
            {
                wrote = true;
                var created = await api.CreateAsync(StateApi.Leases, NewLease(name, options, identity, duration, now), cancellationToken);
                if (created is not null)
                {
                    return Started(api, name, options, requester, identity, LeaseState.Read(created));
                }

                continue;
            }

            last = LeaseState.Read(lease);
            if (wrote && last.Identity == identity)
            {
                // Our own write, whose answer was lost (a retried request that found its change made).
                return Started(api, name, options, requester, identity, last);
            }

            if (!last.IsFree && !last.IsExpired(now))
            {
                throw last.Locked(options.Environment, $"{api.Namespace}/{name}");
            }

            wrote = true;
            var next = last.IsFree ? last.Transitions : last.Transitions + 1;
            var taken = await api.PatchAsync(StateApi.Leases, name, last.ResourceVersion, [StateApi.Add("/spec", LeaseState.HeldSpec(identity, duration, now, next))], cancellationToken);
            if (taken is not null)
            {
                return Started(api, name, options, requester, identity, LeaseState.Read(taken));
            }

            // Someone else wrote the Lease since we read it (another run taking it over): read it again.
        }

        throw last?.Locked(options.Environment, $"{api.Namespace}/{name}")
            ?? new StateLockedException($"Environment \"{options.Environment}\" could not be locked: Lease {api.Namespace}/{name} changed on every attempt.");
    }

    /// <summary><c>decl state unlock</c>: clears a Lease only once it expired and its holder is not a live process on
    /// this host.</summary>
    public static async Task<LockRemoval> RemoveStaleAsync(StateApi api, string name, KubernetesStateOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var lease = await api.GetAsync(StateApi.Leases, name, cancellationToken);
            var state = lease is null ? null : LeaseState.Read(lease);
            if (state is null || state.IsFree)
            {
                return new LockRemoval(LockRemovalOutcome.NotLocked, options.Environment, null);
            }

            if (!state.IsExpired(options.Clock.GetUtcNow()))
            {
                return new LockRemoval(LockRemovalOutcome.HeldByLiveRun, options.Environment, state.Holder);
            }

            if (state.Holder is { } holder && HolderProcess.IsRunningOnThisHost(holder))
            {
                return new LockRemoval(LockRemovalOutcome.HolderStillRunning, options.Environment, holder);
            }

            var cleared = await api.PatchAsync(StateApi.Leases, name, state.ResourceVersion, [StateApi.Add("/spec", LeaseState.FreeSpec(state.DurationSeconds, state.Transitions))], cancellationToken);
            if (cleared is not null)
            {
                return new LockRemoval(LockRemovalOutcome.Removed, options.Environment, state.Holder);
            }
        }

        var now = await api.GetAsync(StateApi.Leases, name, cancellationToken);
        return new LockRemoval(LockRemovalOutcome.HeldByLiveRun, options.Environment, now is null ? null : LeaseState.Read(now).Holder);
    }

    public void Abandoned(Revision? pending) => AbandonedPending = pending;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync();
        await renewal;
        stop.Dispose();
        if (Lost is not null)
        {
            return;
        }

        try
        {
            await ReleaseAsync();
        }
        catch (StateStoreUnavailableException)
        {
            // The cluster cannot be reached now: the Lease expires by itself once nobody renews it.
        }
    }

    private static LeaseLock Started(StateApi api, string name, KubernetesStateOptions options, LockRecord holder, string identity, LeaseState state)
    {
        var held = new LeaseLock(api, name, options, holder, identity, state);
        held.renewal = Task.Run(held.RenewAsync, CancellationToken.None);
        return held;
    }

    private static JsonObject NewLease(string name, KubernetesStateOptions options, string identity, int duration, DateTimeOffset now) => new()
    {
        ["apiVersion"] = "coordination.k8s.io/v1",
        ["kind"] = "Lease",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = options.Namespace,
            ["labels"] = StateLabels.Common(StateLabels.LockRecord, options.Project, options.Environment),
        },
        ["spec"] = LeaseState.HeldSpec(identity, duration, now, 0),
    };

    private async Task RenewAsync()
    {
        var interval = TimeSpan.FromSeconds(DurationSeconds / 3.0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, options.Clock, stop.Token);
                if (!await RenewOnceAsync(stop.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (StateStoreUnavailableException)
            {
                // Unreachable for now: try again at the next tick, while the Lease has not yet expired.
            }
        }
    }

    /// <summary>False once the Lease is no longer ours.</summary>
    private async Task<bool> RenewOnceAsync(CancellationToken cancellationToken)
    {
        var expected = CurrentVersion();
        var renewed = await api.PatchAsync(StateApi.Leases, name, expected, [StateApi.Add("/spec/renewTime", LeaseState.MicroTime(options.Clock.GetUtcNow()))], cancellationToken);
        if (renewed is not null)
        {
            SetVersion(LeaseState.Read(renewed).ResourceVersion);
            Renewals++;
            return true;
        }

        var current = await api.GetAsync(StateApi.Leases, name, cancellationToken);
        var state = current is null ? null : LeaseState.Read(current);
        if (state?.Identity == identity)
        {
            // Our renewal landed, but its answer was lost.
            SetVersion(state.ResourceVersion);
            return true;
        }

        Lost = state is null
            ? $"Lease {Where} was deleted while this run held it"
            : $"Lease {Where} was taken over by {state.Holder?.Describe() ?? $"\"{state.Identity}\""} (this run did not renew it in time)";
        return false;
    }

    private async Task ReleaseAsync()
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var cleared = await api.PatchAsync(StateApi.Leases, name, CurrentVersion(), [StateApi.Add("/spec", LeaseState.FreeSpec(DurationSeconds, transitions))], CancellationToken.None);
            if (cleared is not null)
            {
                return;
            }

            var current = await api.GetAsync(StateApi.Leases, name, CancellationToken.None);
            if (current is null || LeaseState.Read(current).Identity != identity)
            {
                // Not ours any more: the next holder's Lease is left alone.
                return;
            }

            SetVersion(LeaseState.Read(current).ResourceVersion);
        }
    }

    private string CurrentVersion()
    {
        lock (gate)
        {
            return resourceVersion;
        }
    }

    private void SetVersion(string version)
    {
        lock (gate)
        {
            resourceVersion = version;
        }
    }
}
