namespace Declarative.Providers.Kubernetes.Client;

/// <summary>
/// How transient failures are retried: 429 (Retry-After honoured, capped), 500/502/503/504 and dropped or reset
/// connections, with capped exponential backoff and jitter. A refused connection is retried fewer times, so an
/// unreachable server fails fast. <see cref="Clock"/> and <see cref="Jitter"/> are injectable for tests.
/// </summary>
public sealed record KubeRetryPolicy
{
    public int MaxAttempts { get; init; } = 10;

    public int MaxConnectAttempts { get; init; } = 3;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(32);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A number in [0, 1) per call; the backoff is scaled by 0.5 + half of it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    public static KubeRetryPolicy Default { get; } = new();

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: the server's Retry-After when it sent one,
    /// else the backoff; never more than <see cref="MaxDelay"/>.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked > MaxDelay ? MaxDelay : asked;
        }

        var exponential = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Jitter() / 2)));
    }
}
