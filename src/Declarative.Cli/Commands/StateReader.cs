using System.CommandLine;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary>Opens an environment's store from the project folder without rendering the manifests, so a broken
/// project's history can still be read.</summary>
internal static class StateReader
{
    public static IStateStore? Open(CliServices services, ParseResult result, string directory) =>
        StoredProject.Locate(services, result, directory)?.OpenStore(services);
}
