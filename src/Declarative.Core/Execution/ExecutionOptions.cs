namespace Declarative.Core.Execution;

/// <summary>How apply runs: at most <see cref="Parallelism"/> resources at once, each waited on until
/// <see cref="Timeout"/> after its apply.</summary>
public sealed record ExecutionOptions(int Parallelism = 10, TimeSpan? Timeout = null)
{
    public TimeSpan WaitTimeout => Timeout ?? TimeSpan.FromMinutes(5);
}
