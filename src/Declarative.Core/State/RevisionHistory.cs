using Declarative.Core.Execution;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.State;

/// <summary>
/// The policy over a store (Helm's storage.Storage): numbers revisions, writes the new one Pending before anything
/// is touched (inventory carried forward from the base), records each applied or deleted object as it happens
/// (<see cref="IApplyRecorder"/>), and completes it Deployed (superseding the previous Deployed one) or Failed.
/// One instance per run, used under the environment's lock.
/// </summary>
public sealed class RevisionHistory(IStateStore store, TimeProvider clock) : IApplyRecorder
{
    public IStateStore Store => store;

    public TimeProvider Clock => clock;

    public Task<Revision> BeginAsync(Plan plan, RevisionStart start, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task RecordAppliedAsync(string provider, AppliedResource applied, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task RecordDeletedAsync(ResourceAddress address, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Marks the pending revision Deployed (and the previous Deployed one Superseded) or Failed.</summary>
    public Task<Revision> CompleteAsync(ApplyResult result, CancellationToken cancellationToken) => throw new NotImplementedException();
}

/// <summary>Who started a revision and why.</summary>
public sealed record RevisionStart(
    RevisionOperation Operation,
    string User,
    string? GitCommit,
    string DeclarativeVersion,
    string? CommandLine,
    int? RollbackOf = null);
