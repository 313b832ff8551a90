using System.CommandLine;
using Declarative.Core.Graph;

namespace Declarative.Cli.Commands;

/// <summary><c>decl graph [DIR] --env E [--format text|dot|mermaid]</c>: the dependency graph with the reason
/// for every edge.</summary>
public static class GraphCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "dot", "mermaid");
        var command = new Command("graph", "Print the dependency graph with the reason for every edge.") { directory, format };
        command.SetAction(result => Run(services, result, result.GetValue(directory)!, result.GetValue(format)!));
        return command;
    }

    private static int Run(CliServices services, ParseResult result, string directory, string format)
    {
        var model = EnvironmentModelReader.Read(services, result, directory);
        if (model is null)
        {
            return ExitCodes.Error;
        }

        services.IO.Out.Write(format switch
        {
            "dot" => GraphDotPrinter.Print(model.Graph),
            "mermaid" => GraphMermaidPrinter.Print(model.Graph),
            _ => GraphTextPrinter.Print(model.Graph, result.GetValue(services.Options.Verbose)),
        });
        return ExitCodes.Ok;
    }
}
