using System.CommandLine;
using Declarative.Core.Manifests;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary>Opens an environment's store from the project folder without rendering the manifests, so a broken
/// project's history can still be read.</summary>
internal static class StateReader
{
    public static IStateStore? Open(CliServices services, ParseResult result, string directory)
    {
        var request = services.Options.ToLoadRequest(result, directory, services.IO.WorkingDirectory);
        var located = services.LoadOperation(result).LocateProject(request);
        if (located.Value is null || services.ReportErrors(result, located.Diagnostics))
        {
            return null;
        }

        var environment = EnvironmentSelector.Select(located.Value, request.Environment);
        if (environment.Value is null || services.ReportErrors(result, environment.Diagnostics))
        {
            return null;
        }

        var variables = services.IO.EnvironmentVariables;
        var folder = LocalStateStore.DirectoryFor(located.Value.Root, environment.Value.Name, variables);
        return new LocalStateStore(folder, environment.Value.Name, StateKey.Load(variables, services.IO.HomeDirectory, create: false), TimeProvider.System);
    }
}
