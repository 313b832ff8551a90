using System.Collections.Immutable;
using Declarative.Core.Execution;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.State;

/// <summary>
/// The policy over a store (Helm's storage.Storage): numbers revisions, writes the new one Pending before anything
/// is touched (inventory carried forward from the base), records each applied or deleted object as it happens
/// (<see cref="IApplyRecorder"/>), and completes it Deployed (superseding the previous Deployed one) or Failed.
/// One instance per run, used under the environment's lock. The recorder methods are safe to call concurrently:
/// each change and its save happen one at a time, so every recorded object lands in the saved inventory.
/// </summary>
public sealed class RevisionHistory(IStateStore store, TimeProvider clock) : IApplyRecorder
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<ResourceAddress, ImmutableArray<string>> sensitivePaths = [];
    private Revision? current;

    public IStateStore Store => store;

    public TimeProvider Clock => clock;

    /// <summary>The revision this run writes, as last saved; null before <see cref="BeginAsync"/>.</summary>
    public Revision? Current => current;

    public async Task<Revision> BeginAsync(Plan plan, RevisionStart start, CancellationToken cancellationToken)
    {
        if (current is not null)
        {
            throw new InvalidOperationException($"Revision {current.Number} was already begun by this run; a RevisionHistory records one revision.");
        }

        var latest = await store.GetLatestAsync(cancellationToken);
        var inventory = await BaseInventoryAsync(plan.BaseRevision, cancellationToken);
        foreach (var change in plan.Changes)
        {
            sensitivePaths[change.Address] = change.SensitivePaths.IsDefault ? [] : change.SensitivePaths;
        }

        var summary = plan.Summary;
        var revision = new Revision(
            (latest?.Number ?? 0) + 1,
            start.Operation,
            start.RollbackOf,
            RevisionStatus.Pending,
            start.User,
            clock.GetUtcNow(),
            null,
            start.GitCommit,
            start.DeclarativeVersion,
            plan.Target,
            inventory,
            plan.Edges,
            new RevisionSummary(summary.Create, summary.Update, summary.Replace, summary.Delete, summary.NoOp),
            start.CommandLine);
        await store.SaveAsync(revision, cancellationToken);
        current = revision;
        return revision;
    }

    public Task RecordAppliedAsync(string provider, AppliedResource applied, CancellationToken cancellationToken) =>
        UpdateAsync(
            revision =>
            {
                var paths = sensitivePaths.TryGetValue(applied.Address, out var planned)
                    ? planned
                    : revision.Inventory.FirstOrDefault(e => e.Address == applied.Address)?.SensitivePaths ?? [];
                var entry = new InventoryEntry(provider, applied, paths);
                return revision with { Inventory = [.. revision.Inventory.Where(e => e.Address != applied.Address).Append(entry).OrderBy(e => e.Address)] };
            },
            cancellationToken);

    public Task RecordDeletedAsync(ResourceAddress address, CancellationToken cancellationToken) =>
        UpdateAsync(revision => revision with { Inventory = revision.Inventory.RemoveAll(e => e.Address == address) }, cancellationToken);

    /// <summary>Marks the pending revision Deployed (and the previous Deployed one Superseded) or Failed. A
    /// successful destroy is Destroyed, and supersedes the previous Deployed one too.</summary>
    public async Task<Revision> CompleteAsync(ApplyResult result, CancellationToken cancellationToken)
    {
        var status = !result.Succeeded ? RevisionStatus.Failed
            : Pending.Operation == RevisionOperation.Destroy ? RevisionStatus.Destroyed
            : RevisionStatus.Deployed;
        var completed = await UpdateAsync(
            revision => revision with { Status = status, FinishedAt = clock.GetUtcNow(), Error = FailureSummary.Of(result) },
            cancellationToken);
        if (status != RevisionStatus.Failed)
        {
            await SupersedeOlderAsync(completed.Number, cancellationToken);
        }

        return completed;
    }

    /// <summary>Marks a pending revision left by a run that died (<see cref="IStateLock.AbandonedPending"/>) Failed,
    /// keeping the inventory it recorded: it says what that run had applied.</summary>
    public async Task<Revision> FailAbandonedAsync(Revision pending, CancellationToken cancellationToken)
    {
        var failed = pending with
        {
            Status = RevisionStatus.Failed,
            FinishedAt = clock.GetUtcNow(),
            Error = "The run that wrote this revision stopped before it finished; a later run took over.",
        };
        await store.SaveAsync(failed, cancellationToken);
        return failed;
    }

    private Revision Pending => current ?? throw new InvalidOperationException("No revision was begun: call BeginAsync first.");

    private async Task<ImmutableArray<InventoryEntry>> BaseInventoryAsync(int? baseRevision, CancellationToken cancellationToken)
    {
        if (baseRevision is not { } number)
        {
            return [];
        }

        var stored = await store.GetAsync(number, cancellationToken)
            ?? throw new InvalidOperationException($"The plan's base revision {number} is not in the store.");
        return stored.Inventory;
    }

    private async Task<Revision> UpdateAsync(Func<Revision, Revision> change, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var updated = change(Pending);
            await store.SaveAsync(updated, cancellationToken);
            current = updated;
            return updated;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task SupersedeOlderAsync(int number, CancellationToken cancellationToken)
    {
        foreach (var older in await store.ListAsync(cancellationToken))
        {
            if (older.Number < number && older.Status == RevisionStatus.Deployed)
            {
                await store.SaveAsync(older with { Status = RevisionStatus.Superseded }, cancellationToken);
            }
        }
    }
}
