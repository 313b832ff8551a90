using System.Collections.Concurrent;
using System.Threading.Channels;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers;

/// <summary>
/// Runs the simulated controllers (kube-controller-manager's role): watches the collections they name, queues
/// the keys of changed objects per controller (a key queued twice runs once), and calls Reconcile one key at a
/// time per controller. Simulated delays are multiplied by <see cref="ApiServerOptions.TimeScale"/>. A controller
/// that throws is retried later; it never takes the server down.
/// </summary>
public sealed class ControllerManager : IAsyncDisposable
{
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RegistryPoll = TimeSpan.FromMilliseconds(100);

    private readonly ApiServerState _state;
    private readonly IReadOnlyList<Runner> _runners;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, WatchSubscription> _watches = new();
    private readonly ConcurrentBag<Task> _loops = [];

    public ControllerManager(ApiServerState state, IEnumerable<Controller> controllers)
    {
        _state = state;
        _runners = [.. controllers.Select(c => new Runner(c, new ControllerContext(state, c.Name)))];
    }

    /// <summary>Every concrete <see cref="Controller"/> of this assembly with a parameterless constructor.</summary>
    public static IEnumerable<Controller> Discover() =>
        typeof(Controller).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Controller)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (Controller)Activator.CreateInstance(t)!);

    public IReadOnlyList<Controller> Controllers => [.. _runners.Select(r => r.Controller)];

    public void Start()
    {
        foreach (var runner in _runners)
        {
            _loops.Add(Task.Run(() => WorkAsync(runner, _stop.Token)));
        }

        _loops.Add(Task.Run(() => SubscribeAsync(_stop.Token)));
    }

    /// <summary>Queues <paramref name="key"/> for <paramref name="controller"/> after a simulated delay.</summary>
    public void Enqueue(Controller controller, ObjectKey key, TimeSpan delay) =>
        _runners.First(r => r.Controller == controller).Enqueue(key, Scale(delay), _state.Clock, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var watch in _watches.Values)
        {
            watch.Dispose();
        }

        try
        {
            await Task.WhenAll(_loops);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected end of every loop.
        }

        _stop.Dispose();
    }

    private TimeSpan Scale(TimeSpan simulated) => simulated * _state.Options.TimeScale;

    /// <summary>Subscribes to every collection some controller watches, and to CRD collections as they appear.</summary>
    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var resource in Watched())
            {
                if (!_watches.ContainsKey(resource.StorageKey) && _state.Store.Watch(resource, null, out _) is { } subscription)
                {
                    _watches[resource.StorageKey] = subscription;
                    _loops.Add(Task.Run(() => DispatchAsync(resource, subscription, cancellationToken), cancellationToken));
                }
            }

            await Task.Delay(RegistryPoll, cancellationToken);
        }
    }

    private IEnumerable<ApiResource> Watched() =>
        _state.Registry.All
            .Where(r => _runners.Any(x => x.Controller.WatchesEverything || x.Controller.Watches.Contains((r.Group, r.Plural))))
            .GroupBy(r => r.StorageKey)
            .Select(g => g.First());

    private async Task DispatchAsync(ApiResource resource, WatchSubscription subscription, CancellationToken cancellationToken)
    {
        foreach (var change in subscription.Initial)
        {
            Dispatch(resource, change, cancellationToken);
        }

        await foreach (var change in subscription.Events.ReadAllAsync(cancellationToken))
        {
            Dispatch(resource, change, cancellationToken);
        }
    }

    private void Dispatch(ApiResource resource, WatchEvent change, CancellationToken cancellationToken)
    {
        foreach (var runner in _runners.Where(r => r.Controller.WatchesEverything || r.Controller.Watches.Contains((resource.Group, resource.Plural))))
        {
            foreach (var key in runner.Controller.KeysFor(resource, change))
            {
                runner.Enqueue(key, TimeSpan.Zero, _state.Clock, cancellationToken);
            }
        }
    }

    private async Task WorkAsync(Runner runner, CancellationToken cancellationToken)
    {
        await foreach (var key in runner.Queue.Reader.ReadAllAsync(cancellationToken))
        {
            runner.Pending.TryRemove(key, out _);
            TimeSpan? again;
            try
            {
                again = runner.Controller.Reconcile(key, runner.Context);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                again = RetryAfterError;
            }

            if (again is { } delay)
            {
                runner.Enqueue(key, Scale(delay), _state.Clock, cancellationToken);
            }

            if (runner.Controller.MinimumInterval > TimeSpan.Zero)
            {
                await Task.Delay(Scale(runner.Controller.MinimumInterval), _state.Clock, cancellationToken);
            }
        }
    }

    private sealed class Runner(Controller controller, ControllerContext context)
    {
        public Controller Controller => controller;

        public ControllerContext Context => context;

        public Channel<ObjectKey> Queue { get; } = Channel.CreateUnbounded<ObjectKey>();

        public ConcurrentDictionary<ObjectKey, bool> Pending { get; } = new();

        public void Enqueue(ObjectKey key, TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
        {
            if (delay <= TimeSpan.Zero)
            {
                if (Pending.TryAdd(key, true))
                {
                    Queue.Writer.TryWrite(key);
                }

                return;
            }

            _ = DelayedAsync(key, delay, clock, cancellationToken);
        }

        private async Task DelayedAsync(ObjectKey key, TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(delay, clock, cancellationToken);
                Enqueue(key, TimeSpan.Zero, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The manager stopped.
            }
        }
    }
}
