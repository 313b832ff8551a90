namespace Declarative.Providers.Docker.Images;

/// <summary>
/// Docker's top-down walk of the context folder (moby <c>archive.TarWithOptions</c>): a path is matched using
/// what matched its parent folder; an excluded file is left out; an excluded folder is left out with all it
/// holds, unless a '!' pattern may send something below it, in which case the folder entry itself is left out
/// but its contents are walked. Symbolic links are not followed.
/// </summary>
internal sealed class ContextWalk
{
    // A new instance each time: EnumerationOptions is mutable. The default options would skip dot files.
    private static EnumerationOptions AllEntries => new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly string _contextDirectory;
    private readonly DockerIgnore _ignore;
    private readonly FileStatReader _stats = new();
    private readonly List<ContextEntry> _entries = [];

    private ContextWalk(string contextDirectory, DockerIgnore ignore)
    {
        _contextDirectory = contextDirectory;
        _ignore = ignore;
    }

    /// <summary>The entries docker sends from <paramref name="contextDirectory"/>, in code point order.</summary>
    public static IReadOnlyList<ContextEntry> Run(string contextDirectory, DockerIgnore ignore)
    {
        var walk = new ContextWalk(contextDirectory, ignore);
        walk.Walk(contextDirectory, string.Empty, null);
        walk._entries.Sort((a, b) => CodePointOrder.Instance.Compare(a.RelativePath, b.RelativePath));
        return walk._entries;
    }

    private void Walk(string folder, string relativeFolder, IgnoreMatch? folderMatch)
    {
        foreach (var fullPath in List(folder))
        {
            var name = Path.GetFileName(fullPath);
            var relativePath = relativeFolder.Length == 0 ? name : relativeFolder + "/" + name;
            var match = _ignore.Match(relativePath, folderMatch);
            if (_stats.Lstat(fullPath) is not { } stat || stat.IsSocket)
            {
                // Gone since the listing, or a socket (docker skips those too).
                continue;
            }

            if (stat.Kind is not { } kind)
            {
                if (match.Excluded)
                {
                    continue;
                }

                throw new BuildContextException(
                    $"{fullPath} in the build context is a named pipe or device, which an image build cannot use. Add \"{relativePath}\" to {Path.Combine(_contextDirectory, DockerIgnore.FileName)}.");
            }

            if (match.Excluded)
            {
                if (kind == ContextEntryKind.Directory && _ignore.MayResendBelow(relativePath))
                {
                    Walk(fullPath, relativePath, match);
                }

                continue;
            }

            var linkTarget = kind == ContextEntryKind.SymbolicLink ? ReadLink(fullPath) : null;
            _entries.Add(new ContextEntry(relativePath, fullPath, stat, linkTarget));
            if (kind == ContextEntryKind.Directory)
            {
                Walk(fullPath, relativePath, match);
            }
        }
    }

    private static IEnumerable<string> List(string folder)
    {
        try
        {
            return System.IO.Directory.GetFileSystemEntries(folder, "*", AllEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildContextException(
                $"Cannot list the folder {folder} in the build context: {ErrorText.Reason(e)}. Make it readable, or exclude it in .dockerignore.", e);
        }
    }

    private static string ReadLink(string fullPath)
    {
        try
        {
            return new FileInfo(fullPath).LinkTarget ?? string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildContextException(
                $"Cannot read the symbolic link {fullPath} in the build context: {ErrorText.Reason(e)}. Fix or remove the link, or exclude it in .dockerignore.", e);
        }
    }
}
