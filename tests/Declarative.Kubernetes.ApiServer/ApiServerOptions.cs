namespace Declarative.Kubernetes.ApiServer;

/// <summary>How a double instance behaves. <see cref="TimeScale"/> multiplies every simulated delay (0.01 makes
/// a 10 s rollout take 100 ms).</summary>
public sealed record ApiServerOptions
{
    public int Port { get; init; }

    /// <summary>The DNS names the serving certificate is issued for; empty (the default): IP 127.0.0.1 and
    /// localhost. Tests of tls-server-name give a name the URL does not carry.</summary>
    public IReadOnlyList<string> ServingNames { get; init; } = [];

    public double TimeScale { get; init; } = 1.0;

    public string Token { get; init; } = "declarative-double-token";

    /// <summary>How many watch events are kept; a watch from an older resourceVersion gets 410 Expired.</summary>
    public int WatchHistory { get; init; } = 10_000;

    /// <summary>Run the simulated controllers (Deployments roll out, Jobs complete, namespaces terminate...).
    /// Tests of the storage rules alone turn them off so that no controller write moves a resourceVersion.</summary>
    public bool RunControllers { get; init; } = true;

    /// <summary>How many Ready Node objects the double creates at start when none exist (DaemonSets schedule a pod
    /// on each).</summary>
    public int SimulatedNodes { get; init; } = 3;
}
