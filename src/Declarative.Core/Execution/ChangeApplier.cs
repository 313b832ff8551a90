using System.Collections.Immutable;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>
/// Carries out one change whose dependencies are done: apply and record, then wait; or delete, record; or release;
/// or keep a no-op.
/// Never throws: a provider's or the recorder's exception becomes a Failed outcome, and cancellation becomes a
/// Failed outcome that says what was cut short (the object may exist, so it is not "skipped").
/// </summary>
internal sealed class ChangeApplier(RunContext run)
{
    /// <summary>Applies and records the change: the part that holds a parallelism slot. Returns the failed outcome, or
    /// null when the object was applied and recorded and <see cref="WaitAsync"/> is next.</summary>
    public async Task<(ResourceOutcome? Failed, AppliedResource? Applied)> ApplyAsync(ResourceChange change, IReadOnlyDictionary<ResourceAddress, ResourceOutputs> dependencyOutputs)
    {
        var address = change.Address;
        var provider = run.ProviderFor(change);
        var step = NodeStep.Applying;
        AppliedResource? applied = null;
        run.Emit(address, ApplyEventKind.Started, NodeMessages.Starting(change));
        try
        {
            applied = provider is IApplyContextProvider contextual
                ? await contextual.ApplyAsync(change.Change, dependencyOutputs, new ApplyContext(change.LastApplied), run.Token)
                : await provider.ApplyAsync(change.Change, dependencyOutputs, run.Token);
            run.Emit(address, ApplyEventKind.Applied, NodeMessages.Applied(change.Action));
            step = NodeStep.Recording;
            await run.RecordAppliedAsync(change.Provider, applied);
            return (null, applied);
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            run.MarkCutShort();
            return (Fail(address, applied, NodeMessages.Cancelled(step, address), []), applied);
        }
        catch (Exception exception)
        {
            return (Fail(address, applied, NodeMessages.Error(step, address, exception), []), applied);
        }
    }

    /// <summary>Waits for an applied object to be ready. Holds no parallelism slot: waiting costs the provider a
    /// watch, not a mutating call, so a thousand waiting objects do not keep the next ones from being applied.</summary>
    public async Task<ResourceOutcome> WaitAsync(ResourceChange change, AppliedResource applied)
    {
        var address = change.Address;
        try
        {
            var deadline = run.Clock.GetUtcNow() + run.Options.WaitTimeout;
            var wait = await run.ProviderFor(change).WaitAsync(applied, deadline, new WaitProgressAdapter(run, address), run.Token);
            return wait.Ready
                ? Finish(address, OutcomeKind.Applied, applied, ApplyEventKind.Ready, "Ready")
                : Fail(address, applied, wait.Reason ?? NodeMessages.NotReady(address), wait.Evidence);
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            run.MarkCutShort();
            return Fail(address, applied, NodeMessages.Cancelled(NodeStep.Waiting, address), []);
        }
        catch (Exception exception)
        {
            return Fail(address, applied, NodeMessages.Error(NodeStep.Waiting, address, exception), []);
        }
    }

    public Task<ResourceOutcome> DeleteAsync(ResourceChange change) => LeaveAsync(
        change,
        NodeStep.Deleting,
        (provider, live) => provider.DeleteAsync(live, new DeleteOptions(), run.Token),
        OutcomeKind.Deleted,
        ApplyEventKind.Deleted,
        "Deleted");

    /// <summary>Stops owning the object without deleting it: the provider removes the ownership labels where it can
    /// (<see cref="IReleaseProvider"/>), and the object leaves the inventory.</summary>
    public Task<ResourceOutcome> ReleaseAsync(ResourceChange change) => LeaveAsync(
        change,
        NodeStep.Releasing,
        (provider, live) => provider is IReleaseProvider releasing ? releasing.ReleaseAsync(live, run.Token) : Task.CompletedTask,
        OutcomeKind.Released,
        ApplyEventKind.Released,
        "Released (kept live, no longer managed)");

    /// <summary>A change after which the object is no longer the environment's (a delete, a release): the provider
    /// call on the live object, then the object leaves the inventory.</summary>
    private async Task<ResourceOutcome> LeaveAsync(
        ResourceChange change,
        NodeStep step,
        Func<IResourceProvider, LiveResource, Task> call,
        OutcomeKind outcome,
        ApplyEventKind finished,
        string message)
    {
        var address = change.Address;
        run.Emit(address, ApplyEventKind.Started, NodeMessages.Starting(change));
        try
        {
            if (LiveOf(change) is { } live)
            {
                await call(run.ProviderFor(change), live);
            }

            step = NodeStep.Recording;
            await run.RecordDeletedAsync(address);
            return Finish(address, outcome, null, finished, message);
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            run.MarkCutShort();
            return Fail(address, null, NodeMessages.Cancelled(step, address), []);
        }
        catch (Exception exception)
        {
            return Fail(address, null, NodeMessages.Error(step, address, exception), []);
        }
    }

    /// <summary>A no-op makes no provider call. Without a last applied entry (the state lost it, or the object
    /// already matched when adopted) the object is recorded as desired, so the inventory still owns it. Outputs the
    /// provider knew at plan time (an Image already in its registry) are recorded when they are new.</summary>
    public async Task<ResourceOutcome> KeepAsync(ResourceChange change)
    {
        var known = change.Change.KnownOutputs;
        AppliedResource kept;
        if (change.LastApplied is { } last)
        {
            if (known is null || last.Outputs.Values.SequenceEqual(known.Values))
            {
                return new ResourceOutcome(change.Address, OutcomeKind.Unchanged, last, null, []);
            }

            kept = last with { Outputs = known };
        }
        else if (change.Change is { Desired: { } desired, Live: { } live })
        {
            kept = new AppliedResource(change.Address, desired.Type, desired.Object, known ?? ResourceOutputs.Empty, live.Fingerprint);
        }
        else
        {
            return new ResourceOutcome(change.Address, OutcomeKind.Unchanged, null, null, []);
        }

        try
        {
            await run.RecordAppliedAsync(change.Provider, kept);
            return new ResourceOutcome(change.Address, OutcomeKind.Unchanged, kept, null, []);
        }
        catch (Exception exception)
        {
            return Fail(change.Address, kept, NodeMessages.Error(NodeStep.Recording, change.Address, exception), []);
        }
    }

    public ResourceOutcome Skip(ResourceAddress address, string reason)
    {
        run.Emit(address, ApplyEventKind.Skipped, reason);
        return new ResourceOutcome(address, OutcomeKind.Skipped, null, reason, []);
    }

    private ResourceOutcome Finish(ResourceAddress address, OutcomeKind kind, AppliedResource? applied, ApplyEventKind eventKind, string message)
    {
        run.Emit(address, eventKind, message);
        return new ResourceOutcome(address, kind, applied, null, []);
    }

    private ResourceOutcome Fail(ResourceAddress address, AppliedResource? applied, string error, ImmutableArray<string> evidence)
    {
        run.Emit(address, ApplyEventKind.Failed, error);
        return new ResourceOutcome(address, OutcomeKind.Failed, applied, error, evidence.IsDefault ? [] : evidence);
    }

    // The planner normally carries the live object; a prune planned from the revision alone falls back to what
    // was last applied, and the provider treats an object that is already gone as deleted.
    private static LiveResource? LiveOf(ResourceChange change) =>
        change.Change.Live
        ?? (change.LastApplied is { } last ? new LiveResource(last.Address, last.Type, last.Object, last.Fingerprint) : null);
}
