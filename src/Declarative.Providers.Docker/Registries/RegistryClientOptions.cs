namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// Timeouts and retries of <see cref="RegistryClient"/>. Retries are few and short: a registry lookup happens at plan
/// time, where a user waits. <see cref="Clock"/> and <see cref="CreateHandler"/> are injectable for tests.
/// </summary>
internal sealed record RegistryClientOptions
{
    /// <summary>Attempts per request for 429, 500, 502, 503, 504 and dropped connections.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one request may take, headers and body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Makes the handler of each registry's HttpClient; null for a SocketsHttpHandler.</summary>
    public Func<HttpMessageHandler>? CreateHandler { get; init; }

    public static RegistryClientOptions Default { get; } = new();

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the server's Retry-After when given, else
    /// doubling from <see cref="InitialDelay"/>; never more than <see cref="MaxDelay"/>.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? InitialDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return delay > MaxDelay ? MaxDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
