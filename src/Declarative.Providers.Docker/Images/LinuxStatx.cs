using System.Runtime.InteropServices;

namespace Declarative.Providers.Docker.Images;

/// <summary>
/// glibc's <c>statx(2)</c> wrapper (glibc 2.28 and later): .NET reports neither inode nor ctime, which the stat
/// cache needs to notice a file replaced or rewritten with its old mtime. The <c>struct statx</c> layout is
/// the same on every Linux architecture, unlike <c>struct stat</c>.
/// </summary>
internal static partial class LinuxStatx
{
    private const int CurrentDirectory = -100;
    private const int DoNotFollowSymbolicLinks = 0x100;
    private const uint BasicStats = 0x7FF;
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>lstat of <paramref name="path"/>; null when the call is not available on this system.</summary>
    public static FileStat? TryLstat(string path, out int errno)
    {
        errno = 0;
        try
        {
            if (Statx(CurrentDirectory, path, DoNotFollowSymbolicLinks, BasicStats, out var buffer) != 0)
            {
                errno = Marshal.GetLastPInvokeError();
                return null;
            }

            return new FileStat(
                buffer.Mode,
                (long)buffer.Size,
                ToNanoseconds(buffer.ModifiedSeconds, buffer.ModifiedNanoseconds),
                ToNanoseconds(buffer.ChangedSeconds, buffer.ChangedNanoseconds),
                buffer.Inode);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            errno = -1;
            return null;
        }
    }

    private static long ToNanoseconds(long seconds, uint nanoseconds) => (seconds * NanosecondsPerSecond) + nanoseconds;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>The fields of <c>struct statx</c> that we read, at their fixed offsets; 256 bytes in all.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(96)]
        public long ChangedSeconds;

        [FieldOffset(104)]
        public uint ChangedNanoseconds;

        [FieldOffset(112)]
        public long ModifiedSeconds;

        [FieldOffset(120)]
        public uint ModifiedNanoseconds;
    }
}
