namespace Declarative.Core.State.Storage;

/// <summary>
/// Appends records to one journal file, each durable (written and fsynced) before its call completes, with group
/// commit: records that arrive while a write is on the disk wait for the next one, and that one write and fsync
/// covers them all. The writing runs on its own task, so no caller waits for other callers' records beyond the
/// batch it is in. A batch that fails fails every caller in it and is cut off the file again, so a later batch never
/// follows a torn record. The file is opened per batch: nothing stays open between records, and dropping the
/// appender leaves nothing behind. Thread-safe.
/// </summary>
internal sealed class JournalAppender
{
    private readonly string path;
    private readonly Func<Task>? beforeWrite;
    private readonly GroupCommit commit;

    /// <param name="path">The journal file; created 0600 by the first batch.</param>
    /// <param name="beforeWrite">Tests only: awaited before each batch is written, to hold a batch back while more
    /// records arrive.</param>
    public JournalAppender(string path, Func<Task>? beforeWrite = null)
    {
        this.path = path;
        this.beforeWrite = beforeWrite;
        commit = new GroupCommit(WriteAsync);
    }

    public string Path => path;

    /// <summary>How many writes (each with its fsync) this appender has made: fewer than records when records
    /// arrived together.</summary>
    public int Batches => commit.Batches;

    /// <summary>Appends <paramref name="line"/> (one record, ending with a newline) and completes once it is on the
    /// disk. Once queued the record is written whatever happens to <paramref name="cancellationToken"/>: the caller
    /// acted on the resource already, and the record must say so.</summary>
    public Task AppendAsync(byte[] line, CancellationToken cancellationToken) => commit.AppendAsync(line, cancellationToken);

    private async Task WriteAsync(IReadOnlyList<byte[]> batch)
    {
        if (beforeWrite is not null)
        {
            await beforeWrite();
        }

        var bytes = GroupCommit.Concatenate(batch);
        var options = UnixPermissions.NewFile(FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        options.BufferSize = 0;
        var stream = new FileStream(path, options);
        await using (stream)
        {
            var end = stream.Seek(0, SeekOrigin.End);
            try
            {
                await stream.WriteAsync(bytes, CancellationToken.None);
                stream.Flush(flushToDisk: true);
            }
            catch
            {
                Truncate(stream, end);
                throw;
            }
        }
    }

    private static void Truncate(FileStream stream, long length)
    {
        try
        {
            stream.SetLength(length);
        }
        catch (IOException)
        {
            // The write's failure matters more; a torn record at the end is ignored when the journal is read.
        }
    }

}
