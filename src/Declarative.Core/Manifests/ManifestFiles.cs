using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>Expands a project's include patterns into files, sorted by relative path so every run reads them in
/// the same order.</summary>
public static class ManifestFiles
{
    private static readonly HashSet<string> NotManifests = new(StringComparer.Ordinal) { "kustomization.yaml", "kustomization.yml", "Kustomization" };

    public static StageResult<ImmutableArray<string>> Find(ProjectDefinition project)
    {
        var all = EnumerateFiles(project.Root)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(project.Root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        var files = new List<string>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        for (var i = 0; i < project.Include.Length; i++)
        {
            var glob = new Glob(project.Include[i]);
            var matched = all.Where(f => glob.IsMatch(f.Relative) && !IsProjectFile(project, f.Relative)).Select(f => f.Full).ToList();
            if (matched.Count == 0 && !project.IncludeIsDefault)
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.IncludeMatchedNothing,
                    "Include pattern matched no file",
                    project.Source?.Locate(JsonPointer.Append("/spec/include", i)),
                    $"\"{project.Include[i]}\" matches no file under {project.Root}.",
                    "Fix the pattern (relative to the project folder, ** for any folders) or remove it."));
            }

            files.AddRange(matched.Where(f => !files.Contains(f)));
        }

        return new([.. files], diagnostics.ToImmutable());
    }

    private static bool IsProjectFile(ProjectDefinition project, string relative) =>
        relative == WellKnown.ProjectFileName
        || relative == WellKnown.ModuleFileName
        || (project.IsImplicit && NotManifests.Contains(Path.GetFileName(relative)));

    private static IEnumerable<string> EnumerateFiles(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!Path.GetFileName(sub).StartsWith('.'))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir))
            {
                yield return file;
            }
        }
    }
}
