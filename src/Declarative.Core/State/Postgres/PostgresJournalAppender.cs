namespace Declarative.Core.State.Postgres;

/// <summary>
/// Group commit of one revision's journal rows: records that arrive while a batch is on its way to the server wait for
/// the next one, and that one INSERT (one transaction, one commit to the server's WAL) lands them all. The writing runs
/// on its own task, so no caller waits beyond the batch it is in; a batch that fails fails every caller in it and
/// leaves no row (the INSERT is one statement). Thread-safe.
/// </summary>
internal sealed class PostgresJournalAppender(Func<IReadOnlyList<byte[]>, Task> writeBatch)
{
    private readonly Lock gate = new();
    private List<Waiting> queue = [];
    private bool writing;
    private int batches;

    /// <summary>How many INSERTs this appender made: fewer than records when records arrived together.</summary>
    public int Batches => Volatile.Read(ref batches);

    /// <summary>Appends <paramref name="record"/> and completes once the server committed it. Once queued the record is
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
