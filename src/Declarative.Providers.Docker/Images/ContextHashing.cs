using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Declarative.Providers.Docker.Images;

/// <summary>
/// The SHA-256 of every file in a build context: from the stat cache where the file's stat is unchanged,
/// otherwise read (several files at once) and remembered in the cache.
/// </summary>
internal static class ContextHashing
{
    /// <summary>Relative path to lowercase hex SHA-256, for every <see cref="ContextEntryKind.File"/> entry.</summary>
    /// <exception cref="BuildContextException">A file cannot be read.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> HashFilesAsync(
        BuildContext context, StatCache? cache, IContextFileReader reader, CancellationToken cancellationToken)
    {
        var hashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var toRead = new List<ContextEntry>();
        foreach (var entry in context.Entries.Where(e => e.Kind == ContextEntryKind.File))
        {
            if (cache is not null && cache.TryGetContentHash(entry, out var known))
            {
                hashes[entry.RelativePath] = known;
            }
            else
            {
                toRead.Add(entry);
            }
        }

        if (toRead.Count == 0)
        {
            return hashes;
        }

        var started = (cache?.Time ?? TimeProvider.System).GetUtcNow();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) };
        await Parallel.ForEachAsync(toRead, options, async (entry, token) =>
        {
            var hash = await HashFileAsync(entry, reader, token).ConfigureAwait(false);
            hashes[entry.RelativePath] = hash;
            cache?.Record(entry, hash, started);
        }).ConfigureAwait(false);
        return hashes;
    }

    /// <summary>The lowercase hex SHA-256 of one file's content.</summary>
    public static async Task<string> HashFileAsync(ContextEntry entry, IContextFileReader reader, CancellationToken cancellationToken)
    {
        try
        {
            var stream = reader.OpenRead(entry.FullPath);
            await using (stream.ConfigureAwait(false))
            {
                return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildContextException(
                $"Cannot read {entry.FullPath} in the build context: {ErrorText.Reason(e)}. Make it readable, or exclude \"{entry.RelativePath}\" in .dockerignore.", e);
        }
    }
}
