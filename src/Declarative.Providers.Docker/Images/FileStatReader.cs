namespace Declarative.Providers.Docker.Images;

/// <summary>
/// lstat for the context walk: <c>statx</c> on Linux (inode and ctime included); elsewhere, or where glibc
/// lacks <c>statx</c>, what .NET reports (no inode or ctime, so the stat cache relies on size, mtime and mode).
/// </summary>
internal sealed class FileStatReader
{
    private const int NoSuchFile = 2;
    private const uint DefaultWindowsMode = 0x1ED; // 0755: the docker CLI on Windows sends this for everything.

    private bool _statxAvailable = OperatingSystem.IsLinux();

    /// <summary>The stat of <paramref name="fullPath"/>, not following a symbolic link; null if it vanished.</summary>
    public FileStat? Lstat(string fullPath)
    {
        if (_statxAvailable)
        {
            var stat = LinuxStatx.TryLstat(fullPath, out var errno);
            if (stat is not null)
            {
                return stat;
            }

            if (errno == NoSuchFile)
            {
                return null;
            }

            if (errno != -1)
            {
                throw new BuildContextException(
                    $"Cannot read the file information of {fullPath} (error {errno}). Check its permissions, or exclude it in .dockerignore.");
            }

            _statxAvailable = false;
        }

        return PortableLstat(fullPath);
    }

    private static FileStat? PortableLstat(string fullPath)
    {
        try
        {
            var file = new FileInfo(fullPath);
            ContextEntryKind kind;
            FileSystemInfo info = file;
            if (file.LinkTarget is not null)
            {
                kind = ContextEntryKind.SymbolicLink;
            }
            else if (Directory.Exists(fullPath))
            {
                kind = ContextEntryKind.Directory;
                info = new DirectoryInfo(fullPath);
            }
            else if (file.Exists)
            {
                kind = ContextEntryKind.File;
            }
            else
            {
                return null;
            }

            var permissions = kind == ContextEntryKind.SymbolicLink ? 0x1FFu
                : OperatingSystem.IsWindows() ? DefaultWindowsMode
                : (uint)info.UnixFileMode;
            var size = kind == ContextEntryKind.File ? file.Length : 0;
            var modified = (info.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100;
            return new FileStat(FileStat.TypeBits(kind) | permissions, size, modified, 0, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildContextException(
                $"Cannot read the file information of {fullPath}: {ErrorText.Reason(e)}. Check its permissions, or exclude it in .dockerignore.", e);
        }
    }
}
