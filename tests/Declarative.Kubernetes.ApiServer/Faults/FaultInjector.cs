namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>
/// Failures a test switches on. The host's fault middleware applies the per-request ones (latency, 429/500/503
/// shares per verb, 401/403, dropped connections); the resource handler reads the switches below.
/// Thread-safe: properties are read per request.
/// </summary>
public sealed class FaultInjector
{
    /// <summary>Every list request carrying a continue token answers 410 Expired.</summary>
    public bool ExpireContinueTokens { get; set; }

    /// <summary>Watch requests answer 405 MethodNotAllowed (a server with watch off), so clients must poll.</summary>
    public bool WatchDisabled { get; set; }

    /// <summary>Every write answers 403 Forbidden.</summary>
    public bool RejectWrites { get; set; }
}
