using System.CommandLine;
using System.Globalization;
using Declarative.Core.Diagnostics;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary><c>decl state unlock [DIR] --env E</c>: removes the lock record of a run that is gone; refuses while the
/// holder runs (it holds the lock, or its pid is alive on this host), saying how that store's lock ends: with the
/// holder's process, or as a lease that expires after it. Reads the store only.</summary>
internal static class StateUnlockCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var unlock = new Command("unlock", "Remove the lock record of a run that is gone; refused while its process runs.") { directory };
        unlock.SetAction(async (result, cancellationToken) =>
        {
            using var opened = await StateReader.OpenAsync(services, result, result.GetValue(directory)!, cancellationToken);
            if (opened is null)
            {
                return ExitCodes.Error;
            }

            var removal = await opened.Store.RemoveStaleLockAsync(cancellationToken);
            var refusal = Refusal(removal, opened.Store.LockExpiresAfter);
            if (refusal is not null)
            {
                services.ReportErrors(result, [refusal]);
                return ExitCodes.Error;
            }

            services.IO.Out.WriteLine(Done(removal));
            return ExitCodes.Ok;
        });
        return unlock;
    }

    /// <param name="expiresAfter">The store's <see cref="IStateStore.LockExpiresAfter"/>: null when the lock goes with
    /// its holder's process, else the duration of a lease that outlives its holder.</param>
    private static Diagnostic? Refusal(LockRemoval removal, TimeSpan? expiresAfter)
    {
        var holder = removal.Holder;
        return removal.Outcome switch
        {
            LockRemovalOutcome.HeldByLiveRun when expiresAfter is { } lease => Diagnostic.Error(
                DiagnosticCodes.StateLocked,
                "State is locked by a lease that has not expired",
                null,
                holder is null
                    ? $"Environment \"{removal.Environment}\" is locked by a run whose lease has not expired; its lock record cannot be read."
                    : $"Environment \"{removal.Environment}\" is locked by {holder.Describe()}, whose lease has not expired: that run still renews it, or stopped less than {Seconds(lease)} ago.",
                (holder is null ? "Wait for that run to finish." : $"Wait for that run to finish, or stop it (kill -INT {holder.ProcessId} on {holder.Host}).")
                    + $" However it stops, its lease expires within {Seconds(lease)} and the next run takes the lock over by itself: decl state unlock is not needed."),
            LockRemovalOutcome.HeldByLiveRun => Diagnostic.Error(
                DiagnosticCodes.StateLocked,
                "State is locked by a running process",
                null,
                holder is null
                    ? $"Environment \"{removal.Environment}\" is locked by a run that holds the lock now; its lock record cannot be read."
                    : $"Environment \"{removal.Environment}\" is locked by {holder.Describe()}, which holds the lock now.",
                holder is null
                    ? "Wait for that run to finish: its lock goes with its process."
                    : $"Wait for that run to finish, or stop it (kill -INT {holder.ProcessId} on {holder.Host}): its lock goes with its process."),
            LockRemovalOutcome.HolderStillRunning => Diagnostic.Error(
                DiagnosticCodes.StateLocked,
                "Lock holder is still running",
                null,
                $"The lock record of environment \"{removal.Environment}\" names {holder!.Describe()}, and process {holder.ProcessId} still runs on this host.",
                $"Wait for it to finish, or stop it (kill -INT {holder.ProcessId}), then run decl state unlock again."),
            _ => null,
        };
    }

    private static string Seconds(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0} s");

    private static string Done(LockRemoval removal) => removal switch
    {
        { Outcome: LockRemovalOutcome.NotLocked } => $"Environment \"{removal.Environment}\" is not locked: nothing to remove.",
        { Holder: null } => $"Removed the unreadable lock record of environment \"{removal.Environment}\"; no process held the lock.",
        { Holder: var holder } when HolderProcess.IsOnThisHost(holder) =>
            $"Removed the lock record of {holder.Describe()}: that process is gone.",
        { Holder: var holder } =>
            $"Removed the lock record of {holder.Describe()}: no process holds the lock (pid {holder.ProcessId} is on another host, so it was not checked).",
    };
}
