using System.Collections.Immutable;
using System.CommandLine;
using Declarative.Cli.Commands;
using Declarative.Core.Diagnostics;
using Declarative.Core.Drift;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Cli.Report;

/// <summary>
/// Reads what a report shows, best effort: the history from the store, the graph from the manifests (or the newest
/// revision when they do not load), then the plan and drift from the live systems. A part that cannot be read becomes
/// a sentence in the page instead of failing the report: a report is most wanted when something is wrong.
/// </summary>
internal static class ReportReader
{
    /// <summary>The sources, or null (diagnostics printed) when the folder holds no usable project.</summary>
    public static async Task<ReportSources?> ReadAsync(CliServices services, ParseResult result, string directory, CancellationToken cancellationToken)
    {
        var project = StoredProject.Locate(services, result, directory);
        if (project is null)
        {
            return null;
        }

        ImmutableArray<Revision> revisions;
        using (var opened = await project.OpenStoreAsync(services, result, cancellationToken))
        {
            revisions = [.. await opened.Store.ListAsync(cancellationToken)];
        }

        var newest = revisions.OrderBy(r => r.Number).LastOrDefault();
        var model = EnvironmentModelReader.Read(services, result, directory);
        var graphProblem = model is not null ? null
            : newest is null ? "The manifests did not load (decl printed why) and there is no revision yet: there is nothing to draw."
            : $"The manifests did not load (decl printed why): the graph shows revision {newest.Number}'s objects and edges, and nothing is planned.";
        var sessionModel = model
            ?? (newest is null
                ? StoredEnvironment.Build(project.Project, project.Environment, "default", [], [], project.StateDirectory)
                : StoredEnvironment.Of(project.Project, project.Environment, newest, project.StateDirectory));

        var live = await ReadLiveAsync(services, result, sessionModel, plannable: model is not null, cancellationToken);
        return new ReportSources(
            project.Project.Name,
            project.Environment.Name,
            DateTimeOffset.UtcNow,
            RunInfo.Version,
            model?.Graph,
            graphProblem,
            revisions,
            live.Plan,
            live.PlanProblem,
            live.Drift,
            live.DriftProblem);
    }

    private static async Task<(Plan? Plan, string? PlanProblem, DriftReport? Drift, string? DriftProblem)> ReadLiveAsync(
        CliServices services, ParseResult result, EnvironmentModel model, bool plannable, CancellationToken cancellationToken)
    {
        var (session, problems) = await EngineSession.OpenAsync(services, result, model, createKey: false, noForceConflicts: false, cancellationToken);
        using (session)
        {
            if (problems.Any(p => p.Severity == Severity.Error))
            {
                var unreadable = $"the live systems cannot be read: {Describe(problems)}";
                return (null, plannable ? unreadable : null, null, unreadable);
            }

            var (plan, planProblem) = plannable
                ? await PlanAsync(services, session!, cancellationToken)
                : (null, null);
            var (drift, driftProblem) = await DriftAsync(session!, cancellationToken);
            return (plan, planProblem, drift, driftProblem);
        }
    }

    private static async Task<(Plan? Plan, string? Problem)> PlanAsync(CliServices services, EngineSession session, CancellationToken cancellationToken)
    {
        try
        {
            var planner = new Planner(session.Providers, services.Catalogs);
            var planned = await new PlanOperation(planner, session.Store).RunAsync(session.Model, session.Target, adopt: false, cancellationToken, baseRead: session.LatestAtOpen);
            var errors = planned.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            return (planned.Value, errors.Count == 0 ? null : (planned.Value is null ? string.Empty : "apply would refuse this plan: ") + Describe(errors));
        }
        catch (Exception error) when (ProviderErrors.IsUserFacing(error))
        {
            return (null, $"planning failed: {error.Message}");
        }
    }

    private static async Task<(DriftReport? Drift, string? Problem)> DriftAsync(EngineSession session, CancellationToken cancellationToken)
    {
        try
        {
            return (await new DriftOperation(session.Providers, session.Store).RunAsync(session.Model.Project.Name, session.Model.Environment.Name, cancellationToken), null);
        }
        catch (Exception error) when (ProviderErrors.IsUserFacing(error))
        {
            return (null, $"the drift check failed: {error.Message}");
        }
    }

    /// <summary>Each diagnostic as its code, summary and first detail line (what happened; the page has no room for
    /// the advice, which decl plan and decl drift print).</summary>
    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(" ", diagnostics.Select(d => $"{d.Code} {d.Summary}{(d.Detail.IsEmpty ? "." : $": {d.Detail[0]}")}"));
}
