using System.CommandLine;
using System.Globalization;
using Declarative.Cli.Rendering;
using Declarative.Core.Diagnostics;
using Declarative.Core.Execution;
using Declarative.Core.Manifests;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.Planning.Saved;
using Declarative.Core.State;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Cli.Commands;

/// <summary><c>decl apply [DIR|PLANFILE] --env E [--auto-approve] [--adopt] [--parallelism N] [--timeout D] [--history-max N] [--no-force-conflicts] [--force] [--allow-cascade] [--full]</c>:
/// plans, asks, applies, records a revision; given a file saved by <c>decl plan --out</c>, applies that plan if it is
/// not stale.</summary>
public static class ApplyCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        directory.Description = "The project folder (default: the current folder), or a plan file saved by decl plan --out.";
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Apply without asking (required without a terminal)." };
        var adopt = EngineOptions.Adopt();
        var noForce = EngineOptions.NoForceConflicts();
        var atomic = new Option<bool>("--atomic") { Description = "When the run fails, roll back to the newest older deployed revision (with none, destroy what it created)." };
        var force = ChangeRunOptions.Force();
        var allowCascade = ChangeRunOptions.AllowCascade();
        var parallelism = ChangeRunOptions.Parallelism("applied");
        var timeout = ChangeRunOptions.Timeout();
        var historyMax = ChangeRunOptions.HistoryMax();
        var full = PlanViewOptions.Full();
        var noProgress = ChangeRunOptions.NoProgress();
        var command = new Command("apply", "Plan, ask, apply in dependency order, wait until ready, and record a revision.")
        {
            directory, force, allowCascade, autoApprove, adopt, noForce, atomic, parallelism, timeout, historyMax, full, noProgress,
        };
        command.SetAction((result, cancellationToken) => RunAsync(services, result, PlanViewOptions.Text(services, result, full), new ApplyFlow.ApplySettings(
            result.GetValue(directory)!,
            result.GetValue(autoApprove),
            result.GetValue(adopt),
            result.GetValue(noForce),
            new ExecutionOptions(Math.Max(1, result.GetValue(parallelism)), result.GetValue(timeout)),
            result.GetValue(atomic),
            result.GetValue(historyMax),
            result.GetValue(force),
            result.GetValue(allowCascade),
            Progress: ChangeRunOptions.Progress(services, result, noProgress)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ParseResult result, PlanTextOptions view, ApplyFlow.ApplySettings settings, CancellationToken cancellationToken)
    {
        var io = services.IO;
        var planFile = Path.GetFullPath(Path.Combine(io.WorkingDirectory, settings.Directory));
        if (File.Exists(planFile))
        {
            return await RunSavedAsync(services, result, view, settings, planFile, cancellationToken);
        }

        if (!settings.AutoApprove && !io.IsTerminal)
        {
            services.ReportErrors(result, [Diagnostic.Error(DiagnosticCodes.ApplyFailed, "Apply needs --auto-approve without a terminal", null, "There is no terminal to ask for confirmation.", "Run decl plan to review the changes, then decl apply --auto-approve.")]);
            return ExitCodes.Error;
        }

        var model = EnvironmentModelReader.Read(services, result, settings.Directory);
        return model is null ? ExitCodes.Error : await ApplyFlow.WithSessionAsync(services, result, model, settings, session => ApplyFlow.ApplyAsync(services, result, session, settings, ApplyFlow.Apply, new ApplyFlow.PlanSteps(
            async ct =>
            {
                var plan = await EnginePlanning.PlanAsync(services, result, session, settings.Adopt, ct, force: settings.Force, allowCascade: settings.AllowCascade);
                return new StageResult<Plan?>(plan, plan is null ? [Diagnostic.Error(DiagnosticCodes.PlanFailed, "Planning failed", null, "See the errors above.")] : []);
            },
            (plan, ct) => ApplyFlow.ConfirmAsync(services.IO, services.Ansi(result), plan, settings.AutoApprove, view, ct)), cancellationToken), cancellationToken);
    }

    /// <summary><c>decl apply FILE</c>: the saved plan, applied exactly as it was shown and without asking (as terraform
    /// does), once the state and the live objects are found unchanged under the lock.</summary>
    private static async Task<int> RunSavedAsync(CliServices services, ParseResult result, PlanTextOptions view, ApplyFlow.ApplySettings settings, string planFile, CancellationToken cancellationToken)
    {
        var io = services.IO;
        var key = StateKey.Load(io.EnvironmentVariables, io.HomeDirectory, create: false);
        var saved = await SavedPlanFile.ReadAsync(planFile, key, cancellationToken);
        if (result.GetValue(services.Options.Environment) is { } asked && asked != saved.Plan.Environment)
        {
            services.ReportErrors(result, [Diagnostic.Error(DiagnosticCodes.ApplyFailed, "Saved plan is for another environment", null, $"{settings.Directory} was made for environment \"{saved.Plan.Environment}\", not \"{asked}\".", $"Leave out --env, or run decl plan --env {asked} --out FILE and apply that plan.")]);
            return ExitCodes.Error;
        }

        var model = SavedPlanEnvironment.Build(saved, planFile);
        if (model.Value is null || services.ReportErrors(result, model.Diagnostics))
        {
            return ExitCodes.Error;
        }

        return await ApplyFlow.WithSessionAsync(services, result, model.Value, settings, session => ApplyFlow.ApplyAsync(services, result, session, settings, ApplyFlow.Apply, new ApplyFlow.PlanSteps(
            async ct =>
            {
                var stale = await SavedPlanCheck.CheckAsync(saved.Plan, session.Store, session.Providers, session.Target, ct);
                services.ReportErrors(result, stale);
                return new StageResult<Plan?>(stale.IsEmpty ? saved.Plan : null, stale);
            },
            async (plan, ct) =>
            {
                await io.Out.WriteAsync(PlanTextRenderer.Render(plan, services.Ansi(result), view));
                return true;
            }), cancellationToken), cancellationToken);
    }
}
