namespace Declarative.Providers.Docker.Images;

/// <summary>
/// What lstat says about one path: everything the stat cache compares to decide that a file is unchanged
/// without reading it. <see cref="ChangedNanoseconds"/> and <see cref="Inode"/> are 0 where the platform
/// does not report them.
/// </summary>
/// <param name="Mode">The Unix st_mode: file type bits and permission bits.</param>
/// <param name="Size">Bytes for a file; whatever lstat reports otherwise.</param>
/// <param name="ModifiedNanoseconds">mtime, nanoseconds since the Unix epoch.</param>
/// <param name="ChangedNanoseconds">ctime (inode change time), nanoseconds since the Unix epoch.</param>
/// <param name="Inode">The inode number.</param>
internal readonly record struct FileStat(uint Mode, long Size, long ModifiedNanoseconds, long ChangedNanoseconds, ulong Inode)
{
    private const uint TypeMask = 0xF000;
    private const uint Directory = 0x4000;
    private const uint RegularFile = 0x8000;
    private const uint SymbolicLink = 0xA000;
    private const uint PermissionMask = 0xFFF;

    /// <summary>What the entry is, from the type bits; null for sockets, pipes and devices.</summary>
    public ContextEntryKind? Kind => (Mode & TypeMask) switch
    {
        Directory => ContextEntryKind.Directory,
        RegularFile => ContextEntryKind.File,
        SymbolicLink => ContextEntryKind.SymbolicLink,
        _ => null,
    };

    /// <summary>Whether the type bits say socket (docker skips sockets silently).</summary>
    public bool IsSocket => (Mode & TypeMask) == 0xC000;

    /// <summary>Permission bits including setuid, setgid and sticky (07777): docker sends all of them.</summary>
    public UnixFileMode Permissions => (UnixFileMode)(Mode & PermissionMask);

    /// <summary>mtime as a point in time (to the 100 ns tick).</summary>
    public DateTimeOffset ModificationTime => DateTimeOffset.UnixEpoch.AddTicks(ModifiedNanoseconds / 100);

    /// <summary>Type bits for a kind, to build a mode where the platform gives none.</summary>
    public static uint TypeBits(ContextEntryKind kind) => kind switch
    {
        ContextEntryKind.Directory => Directory,
        ContextEntryKind.SymbolicLink => SymbolicLink,
        _ => RegularFile,
    };
}
