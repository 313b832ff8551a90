using System.Collections.Immutable;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests;

/// <summary>
/// Finds the project for a folder (DESIGN "Project folder and identity"): DIR if it holds declarative.yaml, else
/// the nearest ancestor up to the git root that holds one and includes DIR, else DIR as an implicit project.
/// </summary>
public static class ProjectLocator
{
    public static StageResult<ProjectDefinition?> Locate(string directory, string? projectName = null)
    {
        var dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir))
        {
            return new(null, [Diagnostic.Error(DiagnosticCodes.FileUnreadable, "Project folder not found", null, $"The folder \"{directory}\" does not exist.", "Pass an existing folder, or run decl from inside the project.")]);
        }

        foreach (var candidate in Candidates(dir))
        {
            var file = Path.Combine(candidate, WellKnown.ProjectFileName);
            if (!File.Exists(file))
            {
                continue;
            }

            var parsed = ProjectFileParser.Parse(file, candidate);
            if (candidate == dir || parsed.Value is null || Includes(parsed.Value, dir))
            {
                return WithName(parsed, projectName);
            }
        }

        return WithName(new StageResult<ProjectDefinition?>(Implicit(dir), []), projectName);
    }

    private static ProjectDefinition Implicit(string dir)
    {
        var environments = ImmutableSortedDictionary.CreateRange(
            StringComparer.Ordinal,
            [KeyValuePair.Create(WellKnown.ImplicitEnvironment, new EnvironmentDefinition(WellKnown.ImplicitEnvironment, null, null, null, StateSettings.Local))]);
        return new ProjectDefinition(NameRules.Sanitize(Path.GetFileName(dir)), dir, IsImplicit: true, ImplicitInclude, null, environments, null, IncludeIsDefault: true);
    }

    /// <summary>kubectl reads .yaml, .yml and .json; we read them recursively, skipping hidden folders.</summary>
    internal static readonly ImmutableArray<string> ImplicitInclude = ["**/*.yaml", "**/*.yml", "**/*.json"];

    private static StageResult<ProjectDefinition?> WithName(StageResult<ProjectDefinition?> result, string? projectName)
    {
        if (projectName is null || result.Value is null)
        {
            return result;
        }

        if (!NameRules.IsValidName(projectName))
        {
            return result with
            {
                Diagnostics = result.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidName, "Invalid project name", null, NameRules.Explain("project", projectName), "Pass a valid name to --project.")),
            };
        }

        return result with { Value = result.Value with { Name = projectName } };
    }

    private static IEnumerable<string> Candidates(string dir)
    {
        for (var current = new DirectoryInfo(dir); current is not null; current = current.Parent)
        {
            yield return current.FullName;
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                yield break;
            }
        }
    }

    private static bool Includes(ProjectDefinition project, string dir) =>
        ManifestFiles.Find(project).Value.Any(f => f.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
