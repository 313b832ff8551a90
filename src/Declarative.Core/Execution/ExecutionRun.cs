using System.Collections.Concurrent;
using System.Collections.Immutable;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>
/// One apply: every node runs as its own task that waits for its own dependencies only (no level barriers), then
/// takes one of the parallelism slots for its mutating provider call (apply, delete, release) and gives it back before
/// waiting for readiness. Each node settles exactly once, and its dependents
/// read its outcome to decide whether to run or be skipped.
/// </summary>
internal sealed class ExecutionRun(ImmutableArray<ExecutionNode> nodes, RunContext run) : IDisposable
{
    private readonly SemaphoreSlim slots = new(run.Options.Parallelism, run.Options.Parallelism);
    private readonly TaskCompletionSource<ResourceOutcome>[] done =
        [.. nodes.Select(_ => new TaskCompletionSource<ResourceOutcome>(TaskCreationOptions.RunContinuationsAsynchronously))];
    private readonly ConcurrentQueue<ResourceOutcome> settled = new();
    private readonly ChangeApplier applier = new(run);

    /// <summary>Every outcome, in the order the nodes finished.</summary>
    public async Task<IReadOnlyCollection<ResourceOutcome>> RunAsync()
    {
        // Task.Run keeps a provider that completes synchronously from running the whole plan on the caller's stack.
        await Task.WhenAll(nodes.Select(node => Task.Run(() => RunNodeAsync(node), CancellationToken.None)));
        return settled;
    }

    public void Dispose() => slots.Dispose();

    private async Task RunNodeAsync(ExecutionNode node)
    {
        ResourceOutcome outcome;
        try
        {
            outcome = await DecideAsync(node);
        }
        catch (Exception exception)
        {
            // ChangeApplier never throws; this guards the scheduler itself so one node can never hang its dependents.
            outcome = new ResourceOutcome(node.Change.Address, OutcomeKind.Failed, null, exception.Message, []);
        }

        settled.Enqueue(outcome);
        done[node.Index].TrySetResult(outcome);
    }

    private async Task<ResourceOutcome> DecideAsync(ExecutionNode node)
    {
        var change = node.Change;
        var dependencies = await Task.WhenAll(node.Dependencies.Select(d => done[d].Task));
        if (run.SchedulingStopped)
        {
            run.MarkCutShort();
            return applier.Skip(change.Address, NodeMessages.NotStarted(change.Address));
        }

        if (dependencies.FirstOrDefault(d => d.Kind is OutcomeKind.Failed or OutcomeKind.Skipped) is { } blocker)
        {
            return applier.Skip(change.Address, NodeMessages.DependencyDidNotFinish(change, blocker.Address, blocker.Kind));
        }

        if (change.Action == ChangeAction.NoOp)
        {
            return await applier.KeepAsync(change);
        }

        try
        {
            await slots.WaitAsync(run.SchedulingToken);
        }
        catch (OperationCanceledException) when (run.SchedulingStopped)
        {
            run.MarkCutShort();
            return applier.Skip(change.Address, NodeMessages.NotStarted(change.Address));
        }

        AppliedResource applied;
        try
        {
            switch (change.Action)
            {
                case ChangeAction.Delete:
                    return await applier.DeleteAsync(change);
                case ChangeAction.Release:
                    return await applier.ReleaseAsync(change);
            }

            var (failed, appliedResource) = await applier.ApplyAsync(change, DependencyOutputs(node, dependencies));
            if (failed is not null)
            {
                return failed;
            }

            applied = appliedResource!;
        }
        finally
        {
            slots.Release();
        }

        // The slot bounds concurrent mutating calls; the wait runs outside it (DESIGN "Apply", issue 12).
        return await applier.WaitAsync(change, applied);
    }

    /// <summary>This run's outputs of each dependency, or the outputs it had when last applied.</summary>
    private Dictionary<ResourceAddress, ResourceOutputs> DependencyOutputs(ExecutionNode node, ResourceOutcome[] dependencies)
    {
        var outputs = new Dictionary<ResourceAddress, ResourceOutputs>();
        for (var i = 0; i < dependencies.Length; i++)
        {
            var found = dependencies[i].Applied?.Outputs ?? nodes[node.Dependencies[i]].Change.LastApplied?.Outputs;
            if (found is not null)
            {
                outputs[dependencies[i].Address] = found;
            }
        }

        return outputs;
    }
}
