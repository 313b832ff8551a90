namespace Declarative.Providers.Docker.Images;

/// <summary>
/// The paths docker sends as the build context: every folder, file and symbolic link under the context folder
/// that .dockerignore does not exclude (the Dockerfile and .dockerignore always), in code point order of their
/// slash-separated relative paths, so a parent always comes before what it holds. Reading it never talks to
/// the engine.
/// </summary>
internal sealed class BuildContext
{
    /// <summary>The Dockerfile name when none is given; docker falls back to the lowercase name.</summary>
    public const string DefaultDockerfile = "Dockerfile";

    private BuildContext(string directory, string dockerfile, DockerIgnore ignore, IReadOnlyList<ContextEntry> entries)
    {
        Directory = directory;
        Dockerfile = dockerfile;
        Ignore = ignore;
        Entries = entries;
    }

    /// <summary>The absolute context folder.</summary>
    public string Directory { get; }

    /// <summary>The Dockerfile, slash-separated and relative to the context: the build's <c>dockerfile</c> parameter.</summary>
    public string Dockerfile { get; }

    /// <summary>
    /// The context without what lies in <paramref name="absoluteFolder"/> (and the folder itself): Declarative's own
    /// folder (.declarative/, the state) changes on every run and must never make a context, and so a tag, change.
    /// </summary>
    public BuildContext Without(string absoluteFolder)
    {
        var relative = Path.GetRelativePath(Directory, Path.GetFullPath(absoluteFolder)).Replace(Path.DirectorySeparatorChar, '/');
        if (relative == "." || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
        {
            return this;
        }

        var kept = Entries.Where(e => e.RelativePath != relative && !e.RelativePath.StartsWith(relative + "/", StringComparison.Ordinal)).ToList();
        return kept.Count == Entries.Count ? this : new BuildContext(Directory, Dockerfile, Ignore, kept);
    }

    /// <summary>The patterns in effect, including the exceptions that keep the Dockerfile and .dockerignore.</summary>
    public DockerIgnore Ignore { get; }

    public IReadOnlyList<ContextEntry> Entries { get; }

    /// <summary>
    /// Reads the context folder. <paramref name="dockerfile"/> is relative to the context (or absolute but inside
    /// it); null means "Dockerfile", or "dockerfile" when only that exists, as docker does.
    /// </summary>
    /// <exception cref="BuildContextException">The folder or Dockerfile is missing, the Dockerfile is outside
    /// the context, a path cannot be read, or .dockerignore has an invalid pattern.</exception>
    public static BuildContext Load(string contextDirectory, string? dockerfile = null)
    {
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contextDirectory));
        if (!System.IO.Directory.Exists(directory))
        {
            throw new BuildContextException(File.Exists(directory)
                ? $"The build context {directory} is a file; the context must be a folder. Point the Image's context at the folder that holds the Dockerfile."
                : $"The build context folder {directory} does not exist. Create it, or point the Image's context at an existing folder.");
        }

        var relativeDockerfile = ResolveDockerfile(directory, dockerfile);
        var ignore = DockerIgnore.Load(directory).KeepingBuildFiles(relativeDockerfile);
        var entries = ContextWalk.Run(directory, ignore);
        return new BuildContext(directory, relativeDockerfile, ignore, entries);
    }

    private static string ResolveDockerfile(string directory, string? dockerfile)
    {
        if (string.IsNullOrWhiteSpace(dockerfile))
        {
            var lowercase = DefaultDockerfile.ToLowerInvariant();
            dockerfile = !File.Exists(Path.Combine(directory, DefaultDockerfile)) && File.Exists(Path.Combine(directory, lowercase))
                ? lowercase
                : DefaultDockerfile;
        }

        var full = Path.GetFullPath(dockerfile, directory);
        var relative = GoPath.Clean(Path.GetRelativePath(directory, full).Replace(Path.DirectorySeparatorChar, '/'));
        if (relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new BuildContextException(
                $"The Dockerfile {full} is outside the build context {directory}. Move it into the context folder and give its path relative to the context.");
        }

        if (System.IO.Directory.Exists(full))
        {
            throw new BuildContextException($"The Dockerfile {full} is a folder. Give the path of the Dockerfile itself, relative to the context {directory}.");
        }

        if (!File.Exists(full))
        {
            throw new BuildContextException(
                $"The Dockerfile {full} does not exist. Create it, or set the Image's dockerfile to its path relative to the context {directory}.");
        }

        return relative;
    }
}
