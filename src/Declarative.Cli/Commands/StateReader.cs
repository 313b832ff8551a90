using System.CommandLine;

namespace Declarative.Cli.Commands;

/// <summary>Opens an environment's store from the project folder without rendering the manifests, so a broken
/// project's history can still be read.</summary>
internal static class StateReader
{
    /// <summary>The store, or null (diagnostics printed) when the folder holds no usable project.</summary>
    public static async Task<OpenedStore?> OpenAsync(CliServices services, ParseResult result, string directory, CancellationToken cancellationToken) =>
        StoredProject.Locate(services, result, directory) is { } project ? await project.OpenStoreAsync(services, result, cancellationToken) : null;
}
