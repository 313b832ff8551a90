namespace Declarative.Core.State.Storage;

/// <summary>
/// Replaces a file so that a reader (or a crash) sees the old content or the new one, never a mix: the bytes go
/// to a temp file in the same folder (same file system, so the rename is atomic), are flushed to the disk, and the
/// temp file is renamed over the target. New files are 0600.
/// </summary>
internal static class AtomicFile
{
    public const string TempSuffix = ".tmp";

    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path) ?? throw new ArgumentException($"No folder in {path}.", nameof(path));
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            var stream = new FileStream(temp, UnixPermissions.NewFile(FileMode.CreateNew, FileAccess.Write, FileShare.None));
            await using (stream)
            {
                await stream.WriteAsync(bytes, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static bool IsTemp(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(TempSuffix, StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure matters more than a stray temp file, which readers ignore.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
