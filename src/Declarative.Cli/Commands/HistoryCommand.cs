using System.CommandLine;
using Declarative.Cli.Rendering;

namespace Declarative.Cli.Commands;

/// <summary><c>decl history [DIR] --env E [-o json]</c>: the environment's revisions, from the store.</summary>
public static class HistoryCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var output = EngineOptions.Output();
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("history", "List the environment's revisions.") { directory, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var opened = await StateReader.OpenAsync(services, result, result.GetValue(directory)!, cancellationToken);
            if (opened is null)
            {
                return ExitCodes.Error;
            }

            var revisions = await opened.Store.ListAsync(cancellationToken);
            services.IO.Out.Write(result.GetValue(output) == "json" ? HistoryRenderer.Json(revisions) : HistoryRenderer.Text(revisions));
            return ExitCodes.Ok;
        });
        return command;
    }
}
