using System.CommandLine;
using System.Globalization;
using Declarative.Cli.Rendering;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary>
/// `decl apply --atomic` after a failed run (DESIGN "Apply"): roll back to the newest older revision that was deployed
/// or superseded; with none, destroy what the failed run created. The recovery is a revision of its own (a rollback or
/// a destroy), printed after the failed one; the command still exits 1, because the apply failed.
/// </summary>
internal static class AtomicRecovery
{
    public static async Task RunAsync(CliServices services, ParseResult result, EngineSession session, ApplyFlow.ApplySettings settings, CancellationToken cancellationToken)
    {
        var io = services.IO;
        var history = await session.Store.ListAsync(cancellationToken);
        var (target, _) = RollbackTarget.Choose(history, null);
        var project = session.Model.Project;
        var environment = session.Model.Environment;
        var latest = history.MaxBy(r => r.Number);
        EnvironmentModel model;
        RunKind kind;
        if (target is not null)
        {
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n--atomic: rolling back to revision {target.Number}."));
            model = StoredEnvironment.Of(project, environment, target, project.Root);
            kind = new RunKind(RevisionOperation.Rollback, target.Number, "decl apply --atomic");
        }
        else
        {
            io.Out.WriteLine("\n--atomic: no earlier revision was deployed; destroying what this run created.");
            model = StoredEnvironment.Build(project, environment, latest?.Target.DefaultNamespace ?? session.Model.DefaultNamespace, [], latest?.Edges ?? [], project.Root);
            kind = new RunKind(RevisionOperation.Destroy, null, "decl apply --atomic");
        }

        var recovery = settings with { AutoApprove = true, Atomic = false };
        var steps = new ApplyFlow.PlanSteps(
            async ct =>
            {
                var planner = new Planner(session.Providers, services.Catalogs);
                return await new PlanOperation(planner, session.Store).RunAsync(model, session.Target, adopt: false, ct, pinnedTo: target, force: settings.Force, allowCascade: settings.AllowCascade);
            },
            (plan, ct) => ApplyFlow.ConfirmAsync(io, services.Ansi(result), plan, recovery.AutoApprove, new PlanTextOptions(), ct));
        var outcome = await ApplyFlow.RunAsync(io, session, model, recovery, kind, steps, cancellationToken);
        if (outcome.Result is { } recovered && outcome.Revision is { } revision)
        {
            io.Out.WriteLine(ApplyProgressRenderer.Summary(recovered, revision, kind.Noun));
        }
        else if (outcome.Plan is { HasChanges: false })
        {
            io.Out.WriteLine("--atomic: nothing to undo.");
        }
        else
        {
            services.ReportErrors(result, outcome.Diagnostics);
        }
    }
}
