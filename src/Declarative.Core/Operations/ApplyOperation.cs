using Declarative.Core.Execution;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Core.Operations;

/// <summary>
/// `decl apply`: under the environment's lock, plan, ask, then write a pending revision, execute, and complete the
/// revision Deployed or Failed (Helm's install/upgrade flow). A pending revision left by a dead holder is marked
/// Failed first (takeover). After the run, the history is trimmed to <see cref="ApplyRequest.HistoryMax"/>.
/// </summary>
public sealed class ApplyOperation(IStateStore store, Executor executor, TimeProvider clock)
{
    public async Task<ApplyOutcome> RunAsync(ApplyRequest request, CancellationToken cancellationToken)
    {
        await using var held = await store.LockAsync(request.Holder, cancellationToken);
        string? tookOver = null;
        if (held.AbandonedPending is { } abandoned)
        {
            await store.SaveAsync(abandoned with { Status = RevisionStatus.Failed, FinishedAt = clock.GetUtcNow(), Error = "Its run ended before finishing; a later run took over the lock." }, cancellationToken);
            tookOver = $"Revision {abandoned.Number} was left pending by a run that died; it is now marked failed.";
        }

        var plan = await request.MakePlan(cancellationToken);
        if (plan.Value is null || plan.HasErrors)
        {
            return new ApplyOutcome(plan.Value, null, null, plan.Diagnostics, tookOver);
        }

        if (!plan.Value.HasChanges || !await request.Confirm(plan.Value, cancellationToken))
        {
            return new ApplyOutcome(plan.Value, null, null, plan.Diagnostics, tookOver, Cancelled: plan.Value.HasChanges);
        }

        var history = new RevisionHistory(store, clock);
        await history.BeginAsync(plan.Value, request.Start, cancellationToken);
        ApplyResult result;
        try
        {
            result = await executor.ApplyAsync(plan.Value, request.Execution, history, request.Progress, cancellationToken, request.StopScheduling);
        }
        catch (ApplyCancelledException cancelled)
        {
            // What was applied before the signal stays recorded; the revision ends failed, and the lock is released.
            await history.CompleteAsync(cancelled.Result, CancellationToken.None);
            throw;
        }

        var revision = await history.CompleteAsync(result, cancellationToken);
        await HistoryLimit.TrimAsync(store, request.HistoryMax, revision.Number, cancellationToken);
        return new ApplyOutcome(plan.Value, result, revision, plan.Diagnostics, tookOver);
    }
}

/// <summary>What apply needs from its caller: who holds the lock, how to plan (under the lock), how to ask, and how
/// many revisions to keep (<see cref="HistoryLimit"/>; 0 keeps all).</summary>
public sealed record ApplyRequest(
    LockRecord Holder,
    Func<CancellationToken, Task<Manifests.StageResult<Plan?>>> MakePlan,
    Func<Plan, CancellationToken, Task<bool>> Confirm,
    RevisionStart Start,
    ExecutionOptions Execution,
    IProgress<ApplyEvent> Progress,
    int HistoryMax = HistoryLimit.DefaultMax)
{
    /// <summary>The first interrupt: start nothing new, let in-flight calls finish (the run's own token aborts them).</summary>
    public CancellationToken StopScheduling { get; init; }
}

/// <summary>How an apply ended. <see cref="Revision"/> is null when nothing was applied (no changes, cancelled,
/// or an invalid plan).</summary>
public sealed record ApplyOutcome(
    Plan? Plan,
    ApplyResult? Result,
    Revision? Revision,
    System.Collections.Immutable.ImmutableArray<Diagnostics.Diagnostic> Diagnostics,
    string? TakeoverNote,
    bool Cancelled = false);
