namespace Declarative.Providers.Docker.Images;

/// <summary>One path that goes into the build context tar.</summary>
/// <param name="RelativePath">Slash-separated, relative to the context folder, no trailing slash.</param>
/// <param name="FullPath">Where it is on disk.</param>
/// <param name="Stat">lstat at enumeration time.</param>
/// <param name="LinkTarget">The text of a symbolic link (not resolved); null for other kinds.</param>
internal sealed record ContextEntry(string RelativePath, string FullPath, FileStat Stat, string? LinkTarget)
{
    public ContextEntryKind Kind => Stat.Kind ?? throw new InvalidOperationException($"{FullPath} is not a file, folder or link.");

    /// <summary>Permission bits docker sends (07777); a symbolic link's are always 0777 on Linux.</summary>
    public UnixFileMode Permissions => Stat.Permissions;
}
