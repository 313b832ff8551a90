using System.CommandLine;
using Declarative.Cli.Rendering;

namespace Declarative.Cli.Commands;

/// <summary><c>decl validate [DIR] [--env E]</c>: loads, templates and builds the graph of every environment
/// (or one), without any network; prints every diagnostic, then the count.</summary>
public static class ValidateCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var command = new Command("validate", "Check the project offline: files, templates, schemas and the dependency graph.") { directory };
        command.SetAction(result => Run(services, result, result.GetValue(directory)!));
        return command;
    }

    private static int Run(CliServices services, ParseResult result, string directory)
    {
        var request = services.Options.ToLoadRequest(result, directory, services.IO.WorkingDirectory);
        var validated = services.LoadOperation(result).Validate(request);
        var output = services.IO.Out;
        services.Diagnostics(result).Write(output, validated.Diagnostics);
        if (!validated.HasErrors && validated.Value.Length > 0)
        {
            var project = validated.Value[0].Project;
            var environments = string.Join(", ", validated.Value.Select(m => $"{m.Environment.Name} ({m.Resources.Length} resource{(m.Resources.Length == 1 ? string.Empty : "s")})"));
            output.WriteLine($"Project \"{project.Name}\" is valid: {environments}.");
        }

        output.WriteLine(DiagnosticRenderer.Count(validated.Diagnostics));
        return validated.HasErrors ? ExitCodes.Error : ExitCodes.Ok;
    }
}
