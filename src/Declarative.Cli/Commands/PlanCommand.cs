using System.CommandLine;
using Declarative.Cli.Rendering;
using Declarative.Core.Operations;
using Declarative.Core.Planning;

namespace Declarative.Cli.Commands;

/// <summary><c>decl plan [DIR] --env E [-o text|json|markdown] [--detailed-exitcode] [--adopt]</c>.</summary>
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
        var command = new Command("plan", "Show what apply would change in the live systems.") { directory, output, detailed, adopt, noForce };
        command.SetAction(async (result, cancellationToken) =>
        {
            var plan = await EnginePlanning.PlanAsync(services, result, result.GetValue(directory)!, result.GetValue(adopt), result.GetValue(noForce), createKey: false, cancellationToken);
            if (plan is null)
            {
                return ExitCodes.Error;
            }

            services.IO.Out.Write(result.GetValue(output) switch
            {
                "json" => PlanJsonRenderer.Render(plan),
                "markdown" => PlanMarkdownRenderer.Render(plan),
                _ => PlanTextRenderer.Render(plan, services.Ansi(result), result.GetValue(services.Options.Verbose)),
            });
            return result.GetValue(detailed) && plan.HasChanges ? ExitCodes.Changes : ExitCodes.Ok;
        });
        return command;
    }
}
