namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// Appends records to one revision generation's journal as Secrets, with group commit: the records that arrive
/// while a batch is being written wait for the next one, and each batch is one numbered set of Secrets (usually one
/// create), its part 0 created last. A call completes once its batch is on the server. The writing runs on its own
/// task; a failed batch fails every call in it, and its number is not reused (a batch without part 0 never counts).
/// Thread-safe.
/// </summary>
internal sealed class SecretJournal(StateApi api, RevisionSecrets secrets, int revision, int generation, int nextSequence)
{
    private readonly Lock gate = new();
    private List<Waiting> queue = [];
    private bool writing;
    private int sequence = nextSequence;
    private int batches;

    public int Revision => revision;

    public int Generation => generation;

    /// <summary>How many batches were written: fewer than records when records arrived together.</summary>
    public int Batches => Volatile.Read(ref batches);

    /// <summary>Queues <paramref name="line"/>; once queued it is written whatever happens to
    /// <paramref name="cancellationToken"/>: the caller acted on the resource already, and the record must say so.</summary>
    public Task AppendAsync(byte[] line, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiting = new Waiting(line, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
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
                await WriteAsync(batch);
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

    private async Task WriteAsync(List<Waiting> batch)
    {
        var bytes = new byte[batch.Sum(w => w.Line.Length)];
        var offset = 0;
        foreach (var waiting in batch)
        {
            waiting.Line.CopyTo(bytes, offset);
            offset += waiting.Line.Length;
        }

        var parts = secrets.JournalBatch(revision, generation, sequence++, bytes);

        // Part 0 last: it is what makes the batch count, so it must not exist before the others do.
        for (var index = parts.Length - 1; index >= 0; index--)
        {
            if (await api.CreateAsync(StateApi.Secrets, parts[index], CancellationToken.None) is null)
            {
                throw new InvalidOperationException(
                    $"Journal Secret {secrets.Where(StateLabels.Name(parts[index]))} exists already: another run is recording to revision {revision}, which only the lock holder may do.");
            }
        }

        Interlocked.Increment(ref batches);
    }

    private readonly record struct Waiting(byte[] Line, TaskCompletionSource Written);
}
