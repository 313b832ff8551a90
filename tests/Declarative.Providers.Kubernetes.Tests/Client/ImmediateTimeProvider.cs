using System.Collections.Concurrent;

namespace Declarative.Providers.Kubernetes.Tests.Client;

/// <summary>A clock whose timers fire at once and remember how long they were asked to wait, so retry backoff
/// can be asserted without waiting for it.</summary>
internal sealed class ImmediateTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyCollection<TimeSpan> Delays => _delays;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
