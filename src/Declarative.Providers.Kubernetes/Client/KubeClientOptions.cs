namespace Declarative.Providers.Kubernetes.Client;

/// <summary>Tuning for <see cref="KubeClient"/>. The defaults suit a real cluster: retries on, no client-side
/// throttling, strict field validation on apply, discovery cached on disk for six hours.</summary>
public sealed record KubeClientOptions
{
    public KubeRetryPolicy Retry { get; init; } = KubeRetryPolicy.Default;

    /// <summary>Client-side limit in requests per second; 0 (the default) means none. 5 with a burst of 10 is
    /// kubectl's (client-go's) default, for benchmarks that want parity.</summary>
    public double MaxRequestsPerSecond { get; init; }

    public int Burst { get; init; } = 10;

    /// <summary>Timeout of one attempt of a non-watch request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int PageSize { get; init; } = 500;

    /// <summary>How many times a list starts over after its continue token expired (410) before failing.</summary>
    public int ListRestarts { get; init; } = 2;

    /// <summary>fieldValidation on apply: Strict (kubectl's default) makes an unknown or duplicate field an error.</summary>
    public string FieldValidation { get; init; } = "Strict";

    /// <summary>Where discovery is cached between runs; null: no disk cache.</summary>
    public string? DiscoveryCacheDirectory { get; init; } = DefaultDiscoveryCacheDirectory();

    public TimeSpan DiscoveryCacheTtl { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Ask for aggregated discovery (apidiscovery.k8s.io/v2) first; false goes straight to the legacy
    /// per-group-version documents.</summary>
    public bool AggregatedDiscovery { get; init; } = true;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public string UserAgent { get; init; } = "declarative";

    public static KubeClientOptions Default { get; } = new();

    public static string DefaultDiscoveryCacheDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "cache", "declarative");
}
