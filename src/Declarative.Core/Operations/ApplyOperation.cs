using Declarative.Core.Execution;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Core.Operations;

/// <summary>
/// `decl apply`: under the environment's lock, plan, ask, then write a pending revision, execute, and complete the
/// revision Deployed or Failed (Helm's install/upgrade flow). A pending revision left by a dead holder is reported
/// (<see cref="ApplyRequest.Takeover"/>) and marked Failed first. A run cut short by a signal completes its revision
/// Failed and throws <see cref="ApplyInterruptedException"/>. After the run, the history is trimmed to
/// <see cref="ApplyRequest.HistoryMax"/>.
/// </summary>
public sealed class ApplyOperation(IStateStore store, Executor executor, TimeProvider clock)
{
    public async Task<ApplyOutcome> RunAsync(ApplyRequest request, CancellationToken cancellationToken)
    {
        await using var held = await store.LockAsync(request.Holder, cancellationToken);
        var history = new RevisionHistory(store, clock);
        if (held.AbandonedPending is { } abandoned)
        {
            // Reported before anything else happens, so the user learns of it even if this run fails too.
            var previous = await store.GetAsync(abandoned.Number - 1, cancellationToken);
            await history.FailAbandonedAsync(abandoned, cancellationToken);
            request.Takeover?.Report(AbandonedRevision.Describe(abandoned, previous));
        }

        // Planning and the question change nothing: the first signal stops them at once.
        using var beforeChanges = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.StopScheduling);
        var plan = await request.MakePlan(beforeChanges.Token);
        if (plan.Value is null || plan.HasErrors)
        {
            return new ApplyOutcome(plan.Value, null, null, plan.Diagnostics);
        }

        if (!plan.Value.HasChanges || !await request.Confirm(plan.Value, beforeChanges.Token))
        {
            return new ApplyOutcome(plan.Value, null, null, plan.Diagnostics, Cancelled: plan.Value.HasChanges);
        }

        // A signal that came before anything was changed leaves no revision behind.
        beforeChanges.Token.ThrowIfCancellationRequested();
        await history.BeginAsync(plan.Value, request.Start, cancellationToken);
        ApplyResult result;
        try
        {
            result = await executor.ApplyAsync(plan.Value, request.Execution, history, request.Progress, cancellationToken, request.StopScheduling);
        }
        catch (ApplyCancelledException cancelled)
        {
            // What was applied before the signal stays recorded; the revision ends failed, and the lock is released.
            var failed = await history.CompleteAsync(cancelled.Result, CancellationToken.None);
            throw new ApplyInterruptedException(cancelled.Result, failed, cancelled.CancellationToken);
        }

        var revision = await history.CompleteAsync(result, cancellationToken);
        await HistoryLimit.TrimAsync(store, request.HistoryMax, revision.Number, cancellationToken);
        return new ApplyOutcome(plan.Value, result, revision, plan.Diagnostics);
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

    /// <summary>Told, once the lock is taken, about a pending revision left by a run that died (who, when, what it
    /// had recorded; <see cref="AbandonedRevision"/>), which this run marks failed and takes over.</summary>
    public IProgress<string>? Takeover { get; init; }
}

/// <summary>How an apply ended. <see cref="Revision"/> is null when nothing was applied (no changes, cancelled,
/// or an invalid plan).</summary>
public sealed record ApplyOutcome(
    Plan? Plan,
    ApplyResult? Result,
    Revision? Revision,
    System.Collections.Immutable.ImmutableArray<Diagnostics.Diagnostic> Diagnostics,
    bool Cancelled = false);
