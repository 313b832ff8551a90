using System.CommandLine;
using Declarative.Cli.Rendering;
using Declarative.Core.Diagnostics;
using Declarative.Core.Planning;
using Declarative.Core.Planning.Saved;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary><c>decl plan [DIR] --env E [--out FILE] [-o text|json|markdown] [--full] [--max-size N] [--detailed-exitcode] [--adopt]</c>.</summary>
public static class PlanCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var output = EngineOptions.Output();
        output.AcceptOnlyFromAmong("text", "json", "markdown");
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 2 when there are changes, 0 when none, 1 on error." };
        var adopt = EngineOptions.Adopt();
        var noForce = EngineOptions.NoForceConflicts();
        var save = new Option<string?>("--out") { Description = "Also save the plan to this file (0600, secrets encrypted) for decl apply FILE." };
        var full = PlanViewOptions.Full();
        var maxSize = PlanViewOptions.MaxSize();
        var command = new Command("plan", "Show what apply would change in the live systems.") { directory, output, full, maxSize, detailed, adopt, noForce, save };
        command.SetAction(async (result, cancellationToken) =>
        {
            var outFile = result.GetValue(save);
            var planned = await PlanAsync(services, result, result.GetValue(directory)!, result.GetValue(adopt), result.GetValue(noForce), outFile is not null, cancellationToken);
            if (planned is not var (plan, projectRoot))
            {
                return ExitCodes.Error;
            }

            var format = result.GetValue(output);
            var verbose = result.GetValue(services.Options.Verbose);
            services.IO.Out.Write(format switch
            {
                "json" => PlanJsonRenderer.Render(plan, serverDefaults: verbose),
                "markdown" => PlanMarkdownRenderer.Render(plan, new PlanMarkdownOptions(result.GetValue(maxSize), result.GetValue(full) || verbose, outFile, ServerDefaults: verbose)),
                _ => PlanTextRenderer.Render(plan, services.Ansi(result), PlanViewOptions.Text(services, result, full)),
            });
            if (outFile is not null && !await SaveAsync(services, result, plan, projectRoot, outFile, format == "text" ? services.IO.Out : services.IO.Error, cancellationToken))
            {
                return ExitCodes.Error;
            }

            return result.GetValue(detailed) && plan.HasChanges ? ExitCodes.Changes : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<(Plan Plan, string ProjectRoot)?> PlanAsync(
        CliServices services, ParseResult result, string directory, bool adopt, bool noForce, bool createKey, CancellationToken cancellationToken)
    {
        var model = EnvironmentModelReader.Read(services, result, directory);
        if (model is null)
        {
            return null;
        }

        var (session, problems) = await EngineSession.OpenAsync(services, result, model, createKey, noForce, cancellationToken);
        using (session)
        {
            if (services.ReportErrors(result, problems))
            {
                return null;
            }

            var plan = await EnginePlanning.PlanAsync(services, result, session!, adopt, cancellationToken, unlocked: true);
            return plan is null ? null : (plan, model.Project.Root);
        }
    }

    /// <summary>The key was loaded (and created when missing) by the session; loading it again finds the same one.</summary>
    private static async Task<bool> SaveAsync(CliServices services, ParseResult result, Plan plan, string projectRoot, string outFile, TextWriter note, CancellationToken cancellationToken)
    {
        var io = services.IO;
        var key = StateKey.Load(io.EnvironmentVariables, io.HomeDirectory, create: true)!;
        var path = Path.GetFullPath(Path.Combine(io.WorkingDirectory, outFile));
        try
        {
            await SavedPlanFile.WriteAsync(path, new SavedPlan(plan, projectRoot, DateTimeOffset.UtcNow, RunInfo.Version), key, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            services.ReportErrors(result, [Diagnostic.Error(DiagnosticCodes.PlanFailed, "Cannot write the saved plan", null, $"Writing {outFile} failed: {error.Message}", "Pass --out a path in an existing folder you can write to.")]);
            return false;
        }

        await note.WriteLineAsync($"\nSaved the plan to {outFile}. To apply exactly this plan, run: decl apply {outFile}");
        return true;
    }
}
