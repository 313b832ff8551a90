using System.Formats.Tar;
using System.IO.Pipelines;

namespace Declarative.Providers.Docker.Images;

/// <summary>
/// Streams a build context as the tar docker's <c>POST /build</c> expects, straight from disk (no temporary
/// copy): exactly <see cref="BuildContext.Entries"/> in their order, GNU format (not PAX, which BuildKit
/// misreads), folders named with a trailing '/', symbolic links as links, every entry owned by 0:0 with empty
/// owner names, permission bits and mtime as on disk (docker's classic builder leaves mtime out of its cache
/// key, but not mode or owner, so those are kept deterministic).
/// </summary>
internal sealed class ContextTar(BuildContext context, IContextFileReader? reader = null)
{
    private readonly IContextFileReader _reader = reader ?? DiskContextFileReader.Instance;

    /// <summary>Writes the whole tar, end-of-archive blocks included, to <paramref name="destination"/>, which
    /// stays open.</summary>
    /// <exception cref="BuildContextException">A file cannot be read.</exception>
    public async Task WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(destination, TarEntryFormat.Gnu, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var entry in context.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await WriteEntryAsync(writer, entry, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The tar as a stream to read from (for an HTTP request body): written in the background as it is read.
    /// A failure while writing surfaces from the stream's reads; disposing the stream early stops the writing.
    /// </summary>
    public Stream OpenRead(CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = Task.Run(() => FillAsync(pipe.Writer, cancellationToken), CancellationToken.None);
        return pipe.Reader.AsStream();
    }

    private static GnuTarEntry CreateEntry(ContextEntry entry)
    {
        var (type, name) = entry.Kind switch
        {
            ContextEntryKind.Directory => (TarEntryType.Directory, entry.RelativePath + "/"),
            ContextEntryKind.SymbolicLink => (TarEntryType.SymbolicLink, entry.RelativePath),
            _ => (TarEntryType.RegularFile, entry.RelativePath),
        };
        var modified = entry.Stat.ModificationTime;
        var tarEntry = new GnuTarEntry(type, name)
        {
            Mode = entry.Permissions,
            ModificationTime = modified,
            AccessTime = modified,
            ChangeTime = modified,
            Uid = 0,
            Gid = 0,
            UserName = string.Empty,
            GroupName = string.Empty,
        };
        if (type == TarEntryType.SymbolicLink)
        {
            tarEntry.LinkName = entry.LinkTarget ?? string.Empty;
        }

        return tarEntry;
    }

    private async Task WriteEntryAsync(TarWriter writer, ContextEntry entry, CancellationToken cancellationToken)
    {
        var tarEntry = CreateEntry(entry);
        if (entry.Kind != ContextEntryKind.File)
        {
            await writer.WriteEntryAsync(tarEntry, cancellationToken).ConfigureAwait(false);
            return;
        }

        Stream content;
        try
        {
            content = _reader.OpenRead(entry.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildContextException(
                $"Cannot read {entry.FullPath} in the build context: {ErrorText.Reason(e)}. Make it readable, or exclude \"{entry.RelativePath}\" in .dockerignore.", e);
        }

        await using (content.ConfigureAwait(false))
        {
            tarEntry.DataStream = content;
            await writer.WriteEntryAsync(tarEntry, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FillAsync(PipeWriter pipe, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(new PipeWriterStream(pipe), cancellationToken).ConfigureAwait(false);
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Handed to the reader, which sees it as the failure of its next read.
            await pipe.CompleteAsync(e).ConfigureAwait(false);
        }
    }
}
