namespace Declarative.Core.State;

/// <summary>
/// Group commit of journal records, for every store: records that arrive while a batch is being written wait for the
/// next one, and one write (an fsync, an INSERT, a set of Secrets) lands them all. The writing runs on its own task,
/// so no caller waits beyond the batch it is in; a batch that fails fails every caller in it. What one write is, and
/// how a failed write is undone, is the store's <c>writeBatch</c>. Thread-safe.
/// </summary>
public sealed class GroupCommit(Func<IReadOnlyList<byte[]>, Task> writeBatch)
{
    private readonly Lock gate = new();
    private List<Waiting> queue = [];
    private bool writing;
    private int batches;

    /// <summary>How many writes were made: fewer than records when records arrived together.</summary>
    public int Batches => Volatile.Read(ref batches);

    /// <summary>Appends <paramref name="record"/> and completes once its batch is written. Once queued the record is
    /// written whatever happens to <paramref name="cancellationToken"/>: the caller acted on the resource already, and
    /// the record must say so.</summary>
    public Task AppendAsync(byte[] record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiting = new Waiting(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (gate)
        {
            queue.Add(waiting);
            start = !writing;
            writing = true;
        }

        if (start)
        {
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }

        return waiting.Written.Task;
    }

    /// <summary>The records of a batch one after the other, for stores that write a batch as one piece.</summary>
    public static byte[] Concatenate(IReadOnlyList<byte[]> records)
    {
        var bytes = new byte[records.Sum(r => r.Length)];
        var offset = 0;
        foreach (var record in records)
        {
            record.CopyTo(bytes, offset);
            offset += record.Length;
        }

        return bytes;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Waiting> batch;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    writing = false;
                    return;
                }

                batch = queue;
                queue = [];
            }

            try
            {
                await writeBatch([.. batch.Select(w => w.Record)]);
                Interlocked.Increment(ref batches);
                foreach (var waiting in batch)
                {
                    waiting.Written.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var waiting in batch)
                {
                    waiting.Written.TrySetException(ex);
                }
            }
        }
    }

    private readonly record struct Waiting(byte[] Record, TaskCompletionSource Written);
}
