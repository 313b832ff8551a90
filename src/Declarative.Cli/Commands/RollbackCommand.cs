using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Declarative.Cli.Rendering;
using Declarative.Core.Diagnostics;
using Declarative.Core.Execution;
using Declarative.Core.Manifests;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary><c>decl rollback [DIR] --env E [--to REV] [--auto-approve] [--full]</c>: applies what revision REV applied (by default the
/// newest older deployed or superseded one) as a new revision, from the store only: the manifests are not rendered,
/// pinned image references are reused, nothing is rebuilt, and what REV did not own is pruned.</summary>
public static class RollbackCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        // HelpName: help would otherwise list the completions (the revisions in the local state).
        var to = new Option<int?>("--to") { Description = "The revision to return to (default: the newest older one that was deployed).", HelpName = "to" };
        to.CompletionSources.Add(new Completion.ProjectCompletions(services).RevisionNumbers);
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Roll back without asking (required without a terminal)." };
        var force = ChangeRunOptions.Force();
        var allowCascade = ChangeRunOptions.AllowCascade();
        var parallelism = ChangeRunOptions.Parallelism("applied");
        var timeout = ChangeRunOptions.Timeout();
        var historyMax = ChangeRunOptions.HistoryMax();
        var full = PlanViewOptions.Full();
        var noProgress = ChangeRunOptions.NoProgress();
        var command = new Command("rollback", "Return the environment to an earlier revision, as a new revision, without rendering or rebuilding.")
        {
            directory, force, allowCascade, to, autoApprove, parallelism, timeout, historyMax, full, noProgress,
        };
        command.SetAction((result, cancellationToken) => RunAsync(services, result, result.GetValue(directory)!, result.GetValue(to), PlanViewOptions.Text(services, result, full), new ApplyFlow.ApplySettings(
            result.GetValue(directory)!,
            result.GetValue(autoApprove),
            false,
            false,
            new ExecutionOptions(Math.Max(1, result.GetValue(parallelism)), result.GetValue(timeout)),
            HistoryMax: result.GetValue(historyMax),
            Force: result.GetValue(force),
            AllowCascade: result.GetValue(allowCascade),
            Progress: ChangeRunOptions.Progress(services, result, noProgress)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ParseResult result, string directory, int? to, PlanTextOptions view, ApplyFlow.ApplySettings settings, CancellationToken cancellationToken)
    {
        if (!ApplyFlow.CanAsk(services, result, settings.AutoApprove, "Rollback"))
        {
            return ExitCodes.Error;
        }

        var project = StoredProject.Locate(services, result, directory);
        if (project is null)
        {
            return ExitCodes.Error;
        }

        ImmutableArray<Revision> history;
        using (var opened = await project.OpenStoreAsync(services, result, cancellationToken))
        {
            history = await opened.Store.ListAsync(cancellationToken);
        }

        var (target, problem) = RollbackTarget.Choose(history, to);
        if (problem is not null || target is null)
        {
            services.ReportErrors(result, [problem!]);
            return ExitCodes.Error;
        }

        if (target.Inventory.Where(SealedValues.IsMasked).Select(e => e.Address.ToString()).ToList() is { Count: > 0 } sealedEntries)
        {
            services.ReportErrors(result, [Diagnostic.Error(
                DiagnosticCodes.StateKeyProblem,
                "Rollback needs the state key",
                null,
                string.Create(CultureInfo.InvariantCulture, $"Revision {target.Number} holds secret values that cannot be read without the state key: {string.Join(", ", sealedEntries)}. Nothing was changed."),
                "Set DECLARATIVE_STATE_KEY, or put the key used when that revision was applied in ~/.config/declarative/state.key (0600), and roll back again.")]);
            return ExitCodes.Error;
        }

        var model = StoredEnvironment.Of(project.Project, project.Environment, target, project.StateDirectory);
        var kind = new RunKind(RevisionOperation.Rollback, target.Number, "decl rollback");
        return await ApplyFlow.WithSessionAsync(services, result, model, settings, session => ApplyFlow.ApplyAsync(services, result, session, settings, kind, new ApplyFlow.PlanSteps(
            async ct =>
            {
                var plan = await EnginePlanning.PlanAsync(services, result, session, adopt: false, ct, pinnedTo: target, force: settings.Force, allowCascade: settings.AllowCascade);
                return new StageResult<Plan?>(plan, plan is null ? [Diagnostic.Error(DiagnosticCodes.PlanFailed, "Planning failed", null, "See the errors above.")] : []);
            },
            (plan, ct) => ApplyFlow.ConfirmAsync(services.IO, services.Ansi(result), plan, settings.AutoApprove, view, ct)), cancellationToken), cancellationToken);
    }
}
