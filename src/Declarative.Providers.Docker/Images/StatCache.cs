using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Declarative.Providers.Docker.Images;

/// <summary>
/// Remembers the SHA-256 of each context file together with its lstat (mode, size, mtime and ctime to the
/// nanosecond, inode), like git's index, so that checking an unchanged context reads no file content. A file
/// whose stat differs in any field is read again; if its content is the same the digest is unchanged and only
/// its entry is refreshed.
/// <para>
/// Racily clean files (git's term): a file written again within the file system's timestamp granularity of
/// the moment it was hashed can change without its stat changing. A file whose mtime or ctime is less than
/// <see cref="RacyWindow"/> before hashing started is therefore never trusted: it is hashed but not
/// remembered, and is read again next time.
/// </para>
/// <para>
/// One cache file per context folder (see <see cref="FileNameFor"/>); it records the absolute context path and
/// is ignored if that differs. A missing, corrupt or other-format file is an empty cache, never an error.
/// Saving writes a temporary file and renames it over the old one. Entries not used since loading are dropped
/// on save. One instance may be shared by the Images that use the same context (its methods are thread-safe);
/// two processes saving the same file at once lose nothing but cache entries.
/// </para>
/// </summary>
internal sealed class StatCache
{
    /// <summary>How old a file's mtime and ctime must be, when hashing starts, for its hash to be remembered.</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, StatCacheEntryV1> _loaded;
    private readonly Dictionary<string, StatCacheEntryV1> _used = new(StringComparer.Ordinal);
    private bool _changed;

    private StatCache(string filePath, string contextDirectory, Dictionary<string, StatCacheEntryV1> loaded, TimeProvider time)
    {
        FilePath = filePath;
        ContextDirectory = contextDirectory;
        _loaded = loaded;
        Time = time;
    }

    /// <summary>The cache file.</summary>
    public string FilePath { get; }

    /// <summary>The absolute context folder the entries belong to.</summary>
    public string ContextDirectory { get; }

    /// <summary>The clock that decides which files are racily clean.</summary>
    public TimeProvider Time { get; }

    /// <summary>How many files the cache would save now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _used.Count;
            }
        }
    }

    /// <summary>A file name for the cache of <paramref name="contextDirectory"/>: 16 hex digits of the SHA-256 of
    /// its absolute path, then ".json". Put it beside the state.</summary>
    public static string FileNameFor(string contextDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeDirectory(contextDirectory)));
        return Convert.ToHexStringLower(hash)[..16] + ".json";
    }

    /// <summary>Loads <paramref name="filePath"/> for <paramref name="contextDirectory"/>; anything unusable in
    /// the file gives an empty cache.</summary>
    public static StatCache Load(string filePath, string contextDirectory, TimeProvider? time = null)
    {
        var directory = NormalizeDirectory(contextDirectory);
        return new StatCache(Path.GetFullPath(filePath), directory, ReadEntries(filePath, directory), time ?? TimeProvider.System);
    }

    /// <summary>The remembered SHA-256 (lowercase hex) of <paramref name="entry"/> if its stat is unchanged.</summary>
    public bool TryGetContentHash(ContextEntry entry, out string sha256)
    {
        lock (_gate)
        {
            if ((_used.TryGetValue(entry.RelativePath, out var known) || _loaded.TryGetValue(entry.RelativePath, out known)) && SameStat(known, entry.Stat))
            {
                _used[entry.RelativePath] = known;
                sha256 = known.Sha256;
                return true;
            }
        }

        sha256 = string.Empty;
        return false;
    }

    /// <summary>Remembers the SHA-256 of <paramref name="entry"/>'s content, read after
    /// <paramref name="hashingStarted"/>, unless the file is racily clean.</summary>
    public void Record(ContextEntry entry, string sha256, DateTimeOffset hashingStarted)
    {
        var stat = entry.Stat;
        var trustedBefore = (hashingStarted - RacyWindow - DateTimeOffset.UnixEpoch).Ticks * 100;
        lock (_gate)
        {
            _changed = true;
            if (Math.Max(stat.ModifiedNanoseconds, stat.ChangedNanoseconds) >= trustedBefore)
            {
                _used.Remove(entry.RelativePath);
                return;
            }

            _used[entry.RelativePath] = new StatCacheEntryV1(entry.RelativePath, stat.Mode, stat.Size, stat.ModifiedNanoseconds, stat.ChangedNanoseconds, stat.Inode, sha256);
        }
    }

    /// <summary>Writes the entries used since loading, if anything changed: a temporary file renamed over the
    /// cache file.</summary>
    /// <exception cref="IOException">The file cannot be written; the message names it.</exception>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        StatCacheFileV1 file;
        lock (_gate)
        {
            if (!_changed && _used.Count == _loaded.Count)
            {
                return;
            }

            var entries = _used.Values.ToList();
            entries.Sort((a, b) => CodePointOrder.Instance.Compare(a.Path, b.Path));
            file = new StatCacheFileV1(StatCacheFileV1.CurrentFormat, ContextDirectory, entries);
        }

        var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, useAsync: true))
            {
                await JsonSerializer.SerializeAsync(stream, file, StatCacheJsonContext.Default.StatCacheFileV1, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IOException($"Cannot write the image stat cache {FilePath}: {ErrorText.Reason(e)}. Check that its folder is writable; the cache only saves time, so deleting it is safe.", e);
        }
        catch (OperationCanceledException)
        {
            TryDelete(temporary);
            throw;
        }

        lock (_gate)
        {
            _changed = false;
        }
    }

    private static bool SameStat(StatCacheEntryV1 known, FileStat stat) =>
        known.Mode == stat.Mode && known.Size == stat.Size && known.Mtime == stat.ModifiedNanoseconds
        && known.Ctime == stat.ChangedNanoseconds && known.Inode == stat.Inode;

    private static string NormalizeDirectory(string directory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));

    private static Dictionary<string, StatCacheEntryV1> ReadEntries(string filePath, string contextDirectory)
    {
        var entries = new Dictionary<string, StatCacheEntryV1>(StringComparer.Ordinal);
        StatCacheFileV1? file;
        try
        {
            using var stream = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file = JsonSerializer.Deserialize(stream, StatCacheJsonContext.Default.StatCacheFileV1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return entries;
        }

        if (file is null || file.Format != StatCacheFileV1.CurrentFormat || file.Context != contextDirectory || file.Entries is null)
        {
            return entries;
        }

        foreach (var entry in file.Entries)
        {
            if (entry?.Path is { Length: > 0 } && IsSha256Hex(entry.Sha256))
            {
                entries[entry.Path] = entry;
            }
        }

        return entries;
    }

    private static bool IsSha256Hex(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless; the failure being reported matters more.
        }
    }
}
