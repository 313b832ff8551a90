using System.CommandLine;
using Declarative.Cli.Rendering;
using Declarative.Core.Diagnostics;
using Declarative.Core.Drift;
using Declarative.Core.Operations;

namespace Declarative.Cli.Commands;

/// <summary><c>decl drift [DIR] --env E [-o text|json|markdown]</c>: live state against the newest revision, from the
/// store only. Exit 0 when nothing drifted, 2 when something did, 1 on error.</summary>
public static class DriftCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var output = EngineOptions.Output();
        output.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("drift", "Compare the live objects with the newest revision: changed fields, deleted objects, unmanaged objects.") { directory, output };
        command.SetAction((result, cancellationToken) => RunAsync(services, result, result.GetValue(directory)!, result.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ParseResult result, string directory, string? format, CancellationToken cancellationToken)
    {
        var project = StoredProject.Locate(services, result, directory);
        if (project is null)
        {
            return ExitCodes.Error;
        }

        using var opened = await project.OpenStoreAsync(services, result, cancellationToken);
        var store = opened.Store;
        var latest = await store.GetLatestAsync(cancellationToken);
        var model = latest is null
            ? StoredEnvironment.Build(project.Project, project.Environment, "default", [], [], project.StateDirectory)
            : StoredEnvironment.Of(project.Project, project.Environment, latest, project.StateDirectory);
        var (session, problems) = await EngineSession.OpenAsync(services, result, model, createKey: false, noForceConflicts: false, cancellationToken);
        using (session)
        {
            if (services.ReportErrors(result, problems))
            {
                return ExitCodes.Error;
            }

            DriftReport report;
            try
            {
                report = await new DriftOperation(session!.Providers, store).RunAsync(project.Project.Name, project.Environment.Name, cancellationToken);
            }
            catch (Exception error) when (ProviderErrors.IsUserFacing(error))
            {
                services.ReportErrors(result, [Diagnostic.Error(DiagnosticCodes.PlanFailed, "Drift check failed", null, error.Message, "Fix the cause above and run decl drift again.")]);
                return ExitCodes.Error;
            }

            services.IO.Out.Write(format switch
            {
                "json" => DriftRenderer.Json(report),
                "markdown" => DriftRenderer.Markdown(report),
                _ => DriftRenderer.Text(report, services.Ansi(result)),
            });
            return report.HasDrift ? ExitCodes.Changes : ExitCodes.Ok;
        }
    }
}
