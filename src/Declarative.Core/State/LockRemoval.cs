namespace Declarative.Core.State;

/// <summary>What <c>decl state unlock</c> found and did. <see cref="Holder"/> is the lock record, when one could
/// be read.</summary>
public sealed record LockRemoval(LockRemovalOutcome Outcome, string Environment, LockRecord? Holder);

public enum LockRemovalOutcome
{
    /// <summary>No lock record: nothing to remove.</summary>
    NotLocked,

    /// <summary>The record of a run that is gone was removed.</summary>
    Removed,

    /// <summary>Refused: a live process holds the lock (the OS lock, or an in-memory holder).</summary>
    HeldByLiveRun,

    /// <summary>Refused: nobody holds the lock, but the recorded holder's process still runs on this host.</summary>
    HolderStillRunning,
}
