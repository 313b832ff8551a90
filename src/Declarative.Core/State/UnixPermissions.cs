namespace Declarative.Core.State;

/// <summary>Owner-only permissions for state folders and files (no-ops on Windows, where ACLs of the profile
/// folder apply instead).</summary>
internal static class UnixPermissions
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="folder"/> and its missing parents as 0700; an existing folder is left as it is.</summary>
    public static void CreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only; the parents it makes get the
        // umask's (0755), so a DECLARATIVE_STATE_DIR that did not exist was listable by everyone. One at a time, then.
        if (Path.GetDirectoryName(Path.GetFullPath(folder)) is { } parent)
        {
            CreateFolder(parent);
        }

        Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    /// <summary>Options for a new file readable and writable by its owner only.</summary>
    public static FileStreamOptions NewFile(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }
}
