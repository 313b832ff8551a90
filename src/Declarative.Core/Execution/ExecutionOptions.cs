namespace Declarative.Core.Execution;

/// <summary>How apply runs: at most <see cref="Parallelism"/> mutating calls at once (waits hold none), each
/// resource waited on until <see cref="Timeout"/> after its apply.</summary>
public sealed record ExecutionOptions(int Parallelism = ExecutionOptions.DefaultParallelism, TimeSpan? Timeout = null)
{
    /// <summary>Chosen by measurement (bench/race.sh, docs/performance.md): 1,000 objects at 20 ms per request apply in
    /// 8.1 s at 10, 6.4 s at 30 and 6.3 s at 60; past 30 the client's and server's CPU, not the latency, decide.</summary>
    public const int DefaultParallelism = 30;

    public TimeSpan WaitTimeout => Timeout ?? TimeSpan.FromMinutes(5);
}
