using System.CommandLine;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Cli.Commands;

/// <summary><c>decl render [DIR] --env E [--show-secrets]</c>: the environment's resources as YAML, templating
/// done and namespaces filled in, references still symbolic. Byte-stable.</summary>
public static class RenderCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Print Secret data and passwords instead of (sensitive)." };
        var command = new Command("render", "Print the environment's rendered resources as YAML.") { directory, showSecrets };
        command.SetAction(result => Run(services, result, result.GetValue(directory)!, result.GetValue(showSecrets)));
        return command;
    }

    private static int Run(CliServices services, ParseResult result, string directory, bool showSecrets)
    {
        var model = EnvironmentModelReader.Read(services, result, directory);
        if (model is null)
        {
            return ExitCodes.Error;
        }

        var documents = model.Resources.Select(resource => showSecrets
            ? resource.Content
            : SensitiveValues.Apply(resource.Content, services.Catalogs.First(c => c.ProviderName == resource.Provider).GetSensitivePaths(resource)));
        services.IO.Out.Write(YamlWriter.Write(documents));
        return ExitCodes.Ok;
    }
}
