using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests;

/// <summary>Picks the environment: the one named by --env, or the only one when the project has one.</summary>
public static class EnvironmentSelector
{
    public static StageResult<EnvironmentDefinition?> Select(ProjectDefinition project, string? requested)
    {
        var known = string.Join(", ", project.Environments.Keys);
        if (requested is null)
        {
            return project.Environments.Count == 1
                ? new(project.Environments.Values.First(), [])
                : new(null, [Diagnostic.Error(DiagnosticCodes.UnknownEnvironment, "Choose an environment", project.Source?.LocateKey("/spec/environments"), $"Project \"{project.Name}\" has the environments {known}.", "Pass --env with one of them.")]);
        }

        return project.Environments.TryGetValue(requested, out var environment)
            ? new(environment, [])
            : new(null, [Diagnostic.Error(DiagnosticCodes.UnknownEnvironment, $"Unknown environment \"{requested}\"", project.Source?.LocateKey("/spec/environments"), $"Project \"{project.Name}\" has the environments {known}.", "Pass --env with one of them, or add the environment to declarative.yaml.")]);
    }
}
