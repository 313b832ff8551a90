using System.Collections.Immutable;

namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>The body of the admin endpoint <c>/_double/faults</c>: every fault at once (POST replaces them all).</summary>
public sealed record FaultSettings
{
    public int LatencyMilliseconds { get; init; }

    public int Seed { get; init; }

    public ImmutableArray<FaultRule> Rules { get; init; } = [];

    public bool ExpireContinueTokens { get; init; }

    public bool WatchDisabled { get; init; }

    public bool RejectWrites { get; init; }

    public static FaultSettings Of(FaultInjector faults) => new()
    {
        LatencyMilliseconds = (int)faults.Latency.TotalMilliseconds,
        Seed = faults.Seed,
        Rules = faults.Rules,
        ExpireContinueTokens = faults.ExpireContinueTokens,
        WatchDisabled = faults.WatchDisabled,
        RejectWrites = faults.RejectWrites,
    };

    public void ApplyTo(FaultInjector faults)
    {
        faults.Clear();
        faults.Seed = Seed;
        faults.Latency = TimeSpan.FromMilliseconds(LatencyMilliseconds);
        faults.ExpireContinueTokens = ExpireContinueTokens;
        faults.WatchDisabled = WatchDisabled;
        faults.RejectWrites = RejectWrites;
        foreach (var rule in Rules.IsDefault ? [] : Rules)
        {
            faults.Add(rule);
        }
    }
}
