using System.Collections.Immutable;
using Declarative.Core.Execution;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.State;

/// <summary>
/// The policy over a store (Helm's storage.Storage): numbers revisions, writes the new one Pending before anything
/// is touched (inventory carried forward from the base), records each applied or deleted object as it happens
/// (<see cref="IApplyRecorder"/>) as one record in the revision's journal (<see cref="IStateStore.AppendAsync"/>),
/// and completes it, written whole, Deployed (superseding the previous Deployed one) or Failed.
/// One instance per run, used under the environment's lock. The recorder methods are safe to call concurrently
/// (records that arrive together share a write), and cost the size of the one resource, not of the inventory:
/// the inventory is kept here by address and sorted only when the revision is completed.
/// </summary>
public sealed class RevisionHistory(IStateStore store, TimeProvider clock) : IApplyRecorder
{
    private readonly Lock gate = new();
    private readonly Dictionary<ResourceAddress, ImmutableArray<string>> sensitivePaths = [];
    private readonly Dictionary<ResourceAddress, InventoryEntry> inventory = [];
    private Revision? begun;

    public IStateStore Store => store;

    public TimeProvider Clock => clock;

    /// <summary>The revision this run writes, with everything recorded so far; null before
    /// <see cref="BeginAsync"/>.</summary>
    public Revision? Current
    {
        get
        {
            lock (gate)
            {
                return begun is null ? null : WithInventory(begun);
            }
        }
    }

    public async Task<Revision> BeginAsync(Plan plan, RevisionStart start, CancellationToken cancellationToken)
    {
        if (begun is not null)
        {
            throw new InvalidOperationException($"Revision {begun.Number} was already begun by this run; a RevisionHistory records one revision.");
        }

        var latest = await store.GetLatestAsync(cancellationToken);
        var carried = await BaseInventoryAsync(plan.BaseRevision, cancellationToken);
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
            carried,
            plan.Edges,
            new RevisionSummary(summary.Create, summary.Update, summary.Replace, summary.Delete, summary.NoOp),
            start.CommandLine);
        await store.SaveAsync(revision, cancellationToken);
        lock (gate)
        {
            foreach (var entry in carried)
            {
                inventory[entry.Address] = entry;
            }

            begun = revision;
        }

        return revision;
    }

    public async Task RecordAppliedAsync(string provider, AppliedResource applied, CancellationToken cancellationToken)
    {
        InventoryEntry entry;
        lock (gate)
        {
            var paths = sensitivePaths.TryGetValue(applied.Address, out var planned)
                ? planned
                : inventory.TryGetValue(applied.Address, out var known) ? known.SensitivePaths : [];
            entry = new InventoryEntry(provider, applied, paths);
        }

        await RecordAsync(new JournalRecord.Applied(entry), cancellationToken);
    }

    public Task RecordDeletedAsync(ResourceAddress address, CancellationToken cancellationToken) =>
        RecordAsync(new JournalRecord.Deleted(address), cancellationToken);

    /// <summary>Marks the pending revision Deployed (and the previous Deployed one Superseded) or Failed. A
    /// successful destroy is Destroyed, and supersedes the previous Deployed one too.</summary>
    public async Task<Revision> CompleteAsync(ApplyResult result, CancellationToken cancellationToken)
    {
        var status = !result.Succeeded ? RevisionStatus.Failed
            : Pending.Operation == RevisionOperation.Destroy ? RevisionStatus.Destroyed
            : RevisionStatus.Deployed;
        Revision completed;
        lock (gate)
        {
            completed = WithInventory(Pending) with { Status = status, FinishedAt = clock.GetUtcNow(), Error = FailureSummary.Of(result) };
        }

        // Written whole: the store drops the journal, whose records are all in this inventory.
        await store.SaveAsync(completed, cancellationToken);
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

    private Revision Pending => begun ?? throw new InvalidOperationException("No revision was begun: call BeginAsync first.");

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

    /// <summary>The record is durable in the journal before the inventory here takes it, so a record whose write
    /// failed is in neither (as the resource's Failed outcome says).</summary>
    private async Task RecordAsync(JournalRecord record, CancellationToken cancellationToken)
    {
        int number;
        lock (gate)
        {
            number = Pending.Number;
        }

        await store.AppendAsync(number, record, cancellationToken);
        lock (gate)
        {
            JournalReplay.Apply(inventory, record);
        }
    }

    private Revision WithInventory(Revision revision) => revision with { Inventory = JournalReplay.Sorted(inventory.Values) };

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
