namespace Declarative.Core.Execution;

/// <summary>
/// Thrown by <see cref="Executor.ApplyAsync"/> when its token is cancelled mid-run, after every resource that
/// finished has been recorded. <see cref="Result"/> holds one outcome per change: what finished before the
/// cancellation, the in-flight changes as Failed ("cancelled while ...") and everything not started as Skipped,
/// so the caller can still complete the revision as failed.
/// </summary>
public sealed class ApplyCancelledException : OperationCanceledException
{
    public ApplyCancelledException(ApplyResult result, CancellationToken cancellationToken)
        : base("The apply was cancelled; resources that were not finished are reported as failed or skipped.", cancellationToken)
    {
        Result = result;
    }

    public ApplyResult Result { get; }
}
