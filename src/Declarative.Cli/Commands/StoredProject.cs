using System.CommandLine;
using Declarative.Core.Manifests;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary>
/// The project and environment a store-only command (history, state, rollback, destroy, drift) works on: read from
/// declarative.yaml without rendering any manifest, so a project whose manifests are broken can still be inspected,
/// rolled back or destroyed. <see cref="StateDirectory"/> is the local store's folder, which names the source of
/// stored objects in diagnostics whichever store holds them.
/// </summary>
internal sealed record StoredProject(ProjectDefinition Project, EnvironmentDefinition Environment, string StateDirectory)
{
    /// <summary>The project, or null (diagnostics printed) when the folder holds no usable project.</summary>
    public static StoredProject? Locate(CliServices services, ParseResult result, string directory)
    {
        var request = services.Options.ToLoadRequest(result, directory, services.IO.WorkingDirectory);
        var located = services.LoadOperation(result).LocateProject(request);
        if (services.ReportErrors(result, located.Diagnostics) || located.Value is null)
        {
            return null;
        }

        var environment = EnvironmentSelector.Select(located.Value, request.Environment);
        if (services.ReportErrors(result, environment.Diagnostics) || environment.Value is null)
        {
            return null;
        }

        var folder = LocalStateStore.DirectoryFor(located.Value.Root, environment.Value.Name, services.IO.EnvironmentVariables);
        return new StoredProject(located.Value, environment.Value, folder);
    }

    /// <summary>The environment's store, read-only use: no state key is created.</summary>
    public Task<OpenedStore> OpenStoreAsync(CliServices services, ParseResult result, CancellationToken cancellationToken) =>
        StateStoreFactory.OpenAsync(services, result, Project, Environment, createKey: false, cancellationToken);
}
