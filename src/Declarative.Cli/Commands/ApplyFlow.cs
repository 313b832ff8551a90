using System.CommandLine;
using System.Globalization;
using Declarative.Cli.Rendering;
using Declarative.Cli.Rendering.Live;
using Declarative.Core.Diagnostics;
using Declarative.Core.Execution;
using Declarative.Core.Manifests;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary>
/// The run shared by apply, rollback and destroy: open the environment's session, plan under the lock, print and ask,
/// execute, record the revision, print the outcome. Only where the plan comes from and what the revision records
/// differ (<see cref="RunKind"/>).
/// </summary>
internal static class ApplyFlow
{
    public static RunKind Apply { get; } = new(RevisionOperation.Apply, null, "decl apply");

    /// <summary>Without a terminal there is nobody to ask: the run needs --auto-approve.</summary>
    public static bool CanAsk(CliServices services, ParseResult result, bool autoApprove, string what)
    {
        if (autoApprove || services.IO.IsTerminal)
        {
            return true;
        }

        var command = what.ToLowerInvariant();
        services.ReportErrors(result, [Diagnostic.Error(DiagnosticCodes.ApplyFailed, $"{what} needs --auto-approve without a terminal", null, "There is no terminal to ask for confirmation.", $"Review the plan it prints, then run decl {command} --auto-approve.")]);
        return false;
    }

    public static async Task<int> WithSessionAsync(CliServices services, ParseResult result, EnvironmentModel model, ApplySettings settings, Func<EngineSession, Task<int>> run, CancellationToken cancellationToken)
    {
        var (session, problems) = await EngineSession.OpenAsync(services, result, model, createKey: true, settings.NoForceConflicts, cancellationToken);
        using (session)
        {
            if (services.ReportErrors(result, problems))
            {
                return ExitCodes.Error;
            }

            try
            {
                return await run(session!);
            }
            catch (StateLockedException locked)
            {
                services.ReportErrors(result, [Diagnostic.Error(DiagnosticCodes.StateLocked, "State is locked", null, locked.Message, "Wait for that run to finish; if its process is gone, run again: the lock goes with its process (a lease in a remote store expires by itself within its duration).")]);
                return ExitCodes.Error;
            }
            catch (Exception error) when (ProviderErrors.IsUserFacing(error))
            {
                services.ReportErrors(result, [Diagnostic.Error(DiagnosticCodes.ApplyFailed, "Apply failed", null, error.Message, "Fix the cause above and run decl apply again.")]);
                return ExitCodes.Error;
            }
        }
    }

    public static async Task<int> ApplyAsync(CliServices services, ParseResult result, EngineSession session, ApplySettings settings, RunKind kind, PlanSteps steps, CancellationToken cancellationToken)
    {
        var io = services.IO;
        var ansi = services.Ansi(result);
        try
        {
            var outcome = await RunAsync(io, session, session.Model, settings, kind, steps, cancellationToken);
            if (outcome.Plan is null || outcome.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return ExitCodes.Error;
            }

            if (!outcome.Plan.HasChanges)
            {
                io.Out.Write(PlanTextRenderer.Render(outcome.Plan, ansi, verbose: false));
                return ExitCodes.Ok;
            }

            if (outcome.Cancelled)
            {
                io.Out.WriteLine(kind.CancelledText);
                return ExitCodes.Error;
            }

            io.Out.WriteLine(ApplyProgressRenderer.Summary(outcome.Result!, outcome.Revision!, kind.Noun));
            if (outcome.Result!.Succeeded)
            {
                return ExitCodes.Ok;
            }

            if (settings.Atomic && kind.Operation == RevisionOperation.Apply)
            {
                await AtomicRecovery.RunAsync(services, result, session, settings, cancellationToken);
            }

            return ExitCodes.Error;
        }
        catch (ApplyInterruptedException interrupted)
        {
            // The signal's own exit code (Program turns 130 into 143 for SIGTERM); no --atomic recovery: the user asked
            // the run to stop.
            io.Out.WriteLine(ApplyProgressRenderer.Summary(interrupted.Result, interrupted.Revision, RunKind.NounOf(interrupted.Revision.Operation), interrupted: true));
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>One run under the lock, with progress printed as it happens; <paramref name="model"/> is what the revision
    /// records the run against (the session's own, or a revision's for an --atomic rollback).</summary>
    public static async Task<ApplyOutcome> RunAsync(IOContext io, EngineSession session, EnvironmentModel model, ApplySettings settings, RunKind kind, PlanSteps steps, CancellationToken cancellationToken)
    {
        // Disposed before the caller prints the summary: the live view's final frame stays above it.
        await using var progress = RunProgress.For(io, settings.Progress ?? ProgressView.Plain, kind.Verb, session.BuildOutput);
        var operation = new ApplyOperation(session.Store, new Executor(session.Providers, TimeProvider.System), TimeProvider.System);
        var request = new ApplyRequest(
            RunInfo.Holder(io, kind.Command),
            steps.MakePlan,
            async (plan, ct) =>
            {
                var approved = await steps.Confirm(plan, ct);
                if (approved)
                {
                    progress.Begin(plan);
                }

                return approved;
            },
            RunInfo.Start(io, model, kind.Operation, kind.RollbackOf),
            settings.Execution,
            progress,
            settings.HistoryMax)
        {
            StopScheduling = io.StopScheduling,
            Takeover = new SynchronousProgress<string>(note => io.Error.WriteLine($"warning: {note}")),
        };
        return await operation.RunAsync(request, cancellationToken);
    }

    /// <param name="cancellationToken">The first signal: Ctrl+C at the prompt stops the run (nothing was changed).</param>
    public static async Task<bool> ConfirmAsync(IOContext io, Ansi ansi, Plan plan, bool autoApprove, PlanTextOptions view, CancellationToken cancellationToken)
    {
        io.Out.Write(PlanTextRenderer.Render(plan, ansi, view));
        if (autoApprove)
        {
            return true;
        }

        io.Out.Write(string.Create(CultureInfo.InvariantCulture, $"\nDo you want to perform these actions in environment \"{plan.Environment}\"?\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: "));

        // Console input cannot be cancelled (its async read blocks the caller): the read runs on its own thread and
        // is abandoned when a signal comes, as the process then exits.
        var answer = await Task.Run(io.In.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
        return string.Equals(answer?.Trim(), "yes", StringComparison.Ordinal);
    }

    /// <summary>How this apply gets its plan (under the lock) and its go-ahead.</summary>
    public sealed record PlanSteps(Func<CancellationToken, Task<StageResult<Plan?>>> MakePlan, Func<Plan, CancellationToken, Task<bool>> Confirm);

    /// <param name="Progress">How progress is shown (null: the plain lines).</param>
    public sealed record ApplySettings(string Directory, bool AutoApprove, bool Adopt, bool NoForceConflicts, ExecutionOptions Execution, bool Atomic = false, int HistoryMax = HistoryLimit.DefaultMax, bool Force = false, bool AllowCascade = false, ProgressView? Progress = null);
}

/// <summary>What a run records and how it names itself: the operation, the revision it rolls back to, the command in
/// the lock record.</summary>
internal sealed record RunKind(RevisionOperation Operation, int? RollbackOf, string Command)
{
    /// <summary>"Apply", "Rollback", "Destroy": how the summary and the cancellation name the run.</summary>
    public string Noun => NounOf(Operation);

    public string CancelledText => $"{Noun} cancelled.";

    /// <summary>"Applying", "Rolling back", "Destroying": the live view's header.</summary>
    public string Verb => Operation switch
    {
        RevisionOperation.Rollback => "Rolling back",
        RevisionOperation.Destroy => "Destroying",
        _ => "Applying",
    };

    public static string NounOf(RevisionOperation operation) => operation switch
    {
        RevisionOperation.Rollback => "Rollback",
        RevisionOperation.Destroy => "Destroy",
        _ => "Apply",
    };
}
