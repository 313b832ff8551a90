using Declarative.Core.Execution;
using Declarative.Core.State;

namespace Declarative.Core.Operations;

/// <summary>
/// Thrown by <see cref="ApplyOperation.RunAsync"/> when a signal cut the run short, after the revision was completed
/// as failed with what was done (and before the lock is released): <see cref="Result"/> holds one outcome per change,
/// <see cref="Revision"/> what was recorded, so the caller can print the outcome before it exits 130 or 143.
/// </summary>
public sealed class ApplyInterruptedException : OperationCanceledException
{
    public ApplyInterruptedException(ApplyResult result, Revision revision, CancellationToken cancellationToken)
        : base($"The run was interrupted; revision {revision.Number} is recorded as {revision.Status.ToString().ToLowerInvariant()} with what was done.", cancellationToken)
    {
        Result = result;
        Revision = revision;
    }

    public ApplyResult Result { get; }

    public Revision Revision { get; }
}
