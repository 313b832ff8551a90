using Declarative.Kubernetes.ApiServer.Faults;

namespace Declarative.Reliability.Tests.Faults;

/// <summary>A way the API server misbehaves for a whole apply: per-request rules and the handler's switches.</summary>
internal sealed record FaultScenario(string Name, IReadOnlyList<FaultRule> Rules, bool ExpireContinueTokens = false, bool WatchDisabled = false, string? State = null)
{
    /// <summary>Writes, where an answer lost after the work was done could make a retry create twice.</summary>
    public static readonly string[] WriteVerbs = ["create", "update", "patch", "delete"];

    /// <summary>One in ten requests of every verb: 429 with Retry-After, 500, 503, 504, a dropped connection, or (for
    /// writes) an answer lost after the write was done. The rules are drawn in turn, so each share is set for the
    /// first hit to fall in about 10% of requests overall.</summary>
    public static FaultScenario Mixed(string name, string? state = null)
    {
        const double share = 0.0174; // 1 - (1 - 0.0174)^6 ≈ 0.10
        return new(name,
        [
            new FaultRule(FaultKind.TooManyRequests, share, RetryAfterSeconds: 1),
            new FaultRule(FaultKind.InternalError, share),
            new FaultRule(FaultKind.ServiceUnavailable, share),
            new FaultRule(FaultKind.Timeout, share),
            new FaultRule(FaultKind.DropConnection, share),
            new FaultRule(FaultKind.LoseResponse, share, [.. WriteVerbs]),
        ], State: state);
    }

    /// <summary>One kind alone on 10% of the requests it covers.</summary>
    public static FaultScenario Only(FaultKind kind) => new(
        $"10% {kind}",
        [kind == FaultKind.LoseResponse ? new FaultRule(kind, 0.1, [.. WriteVerbs]) : new FaultRule(kind, 0.1, RetryAfterSeconds: kind == FaultKind.TooManyRequests ? 1 : null)]);

    public void Apply(FaultInjector faults, int seed)
    {
        faults.Clear();
        faults.Seed = seed;
        foreach (var rule in Rules)
        {
            faults.Add(rule);
        }

        faults.ExpireContinueTokens = ExpireContinueTokens;
        faults.WatchDisabled = WatchDisabled;
    }

    public override string ToString() => Name;
}
