using System.CommandLine;
using Declarative.Cli.Rendering;
using Declarative.Core.Diagnostics;
using Declarative.Core.Execution;
using Declarative.Core.Manifests;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary><c>decl destroy [DIR] --env E [--auto-approve] [--full]</c>: deletes everything the environment owns, from the store
/// only (the manifests are not rendered), in reverse dependency order from the stored edges, waits until each object
/// is gone, and records a destroyed revision. It prints the plan first.</summary>
public static class DestroyCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Destroy without asking (required without a terminal)." };
        var force = ChangeRunOptions.Force();
        var allowCascade = ChangeRunOptions.AllowCascade();
        var parallelism = ChangeRunOptions.Parallelism("deleted");
        var full = PlanViewOptions.Full();
        var noProgress = ChangeRunOptions.NoProgress();
        var command = new Command("destroy", "Delete everything the environment owns, from the state, and record a destroyed revision.")
        {
            directory, force, allowCascade, autoApprove, parallelism, full, noProgress,
        };
        command.SetAction((result, cancellationToken) => RunAsync(services, result, PlanViewOptions.Text(services, result, full), new ApplyFlow.ApplySettings(
            result.GetValue(directory)!,
            result.GetValue(autoApprove),
            false,
            false,
            new ExecutionOptions(Math.Max(1, result.GetValue(parallelism)), null),
            Force: result.GetValue(force),
            AllowCascade: result.GetValue(allowCascade),
            Progress: ChangeRunOptions.Progress(services, result, noProgress)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ParseResult result, PlanTextOptions view, ApplyFlow.ApplySettings settings, CancellationToken cancellationToken)
    {
        if (!ApplyFlow.CanAsk(services, result, settings.AutoApprove, "Destroy"))
        {
            return ExitCodes.Error;
        }

        var project = StoredProject.Locate(services, result, settings.Directory);
        if (project is null)
        {
            return ExitCodes.Error;
        }

        Revision? latest;
        using (var opened = await project.OpenStoreAsync(services, result, cancellationToken))
        {
            latest = await opened.Store.GetLatestAsync(cancellationToken);
        }

        if (latest is null || latest.Inventory.IsEmpty)
        {
            services.IO.Out.WriteLine($"Nothing to destroy: environment \"{project.Environment.Name}\" owns no objects.");
            return ExitCodes.Ok;
        }

        // Nothing is desired: every object of the newest revision is planned as a delete, in reverse edge order.
        var model = Core.Operations.StoredEnvironment.Build(project.Project, project.Environment, latest.Target.DefaultNamespace, [], latest.Edges, project.StateDirectory);
        var kind = new RunKind(RevisionOperation.Destroy, null, "decl destroy");
        return await ApplyFlow.WithSessionAsync(services, result, model, settings, session => ApplyFlow.ApplyAsync(services, result, session, settings, kind, new ApplyFlow.PlanSteps(
            async ct =>
            {
                var plan = await EnginePlanning.PlanAsync(services, result, session, adopt: false, ct, force: settings.Force, allowCascade: settings.AllowCascade);
                return new StageResult<Plan?>(plan, plan is null ? [Diagnostic.Error(DiagnosticCodes.PlanFailed, "Planning failed", null, "See the errors above.")] : []);
            },
            (plan, ct) => ApplyFlow.ConfirmAsync(services.IO, services.Ansi(result), plan, settings.AutoApprove, view, ct)), cancellationToken), cancellationToken);
    }
}
