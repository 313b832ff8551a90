namespace Declarative.Providers.Kubernetes.Client;

/// <summary>An optional token bucket (requests per second with a burst), off when the rate is 0. Waiters queue in
/// arrival order because each one takes its token (possibly going negative) before it waits.</summary>
internal sealed class RequestRateLimiter(double perSecond, int burst, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private DateTimeOffset _last = clock.GetUtcNow();

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (perSecond <= 0)
        {
            return Task.CompletedTask;
        }

        TimeSpan wait;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            _tokens = Math.Min(burst, _tokens + ((now - _last).TotalSeconds * perSecond));
            _last = now;
            _tokens -= 1;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / perSecond);
        }

        return wait == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, clock, cancellationToken);
    }
}
