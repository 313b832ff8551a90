using System.CommandLine;
using Declarative.Core.Operations;

namespace Declarative.Cli.Commands;

/// <summary>Loads the one environment a command works on, printing diagnostics to stderr.</summary>
internal static class EnvironmentModelReader
{
    /// <summary>The model, or null (diagnostics printed) when the project is invalid.</summary>
    public static EnvironmentModel? Read(CliServices services, ParseResult result, string directory)
    {
        var request = services.Options.ToLoadRequest(result, directory, services.IO.WorkingDirectory);
        var operation = services.LoadOperation(result);
        var located = operation.LocateProject(request);
        if (services.ReportErrors(result, located.Diagnostics) || located.Value is null)
        {
            return null;
        }

        var loaded = operation.Load(located.Value, request);
        return services.ReportErrors(result, loaded.Diagnostics) ? null : loaded.Value;
    }
}
