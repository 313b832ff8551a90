using Declarative.Core.State;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// Appends records to one revision generation's journal as Secrets, with group commit: the records that arrive
/// while a batch is being written wait for the next one, and each batch is one numbered set of Secrets (usually one
/// create), its part 0 created last. A call completes once its batch is on the server. The writing runs on its own
/// task; a failed batch fails every call in it, and its number is not reused (a batch without part 0 never counts).
/// Thread-safe.
/// </summary>
internal sealed class SecretJournal
{
    private readonly StateApi api;
    private readonly RevisionSecrets secrets;
    private readonly GroupCommit commit;
    private int sequence;

    public SecretJournal(StateApi api, RevisionSecrets secrets, int revision, int generation, int nextSequence)
    {
        this.api = api;
        this.secrets = secrets;
        Revision = revision;
        Generation = generation;
        sequence = nextSequence;
        commit = new GroupCommit(WriteAsync);
    }

    public int Revision { get; }

    public int Generation { get; }

    /// <summary>How many batches were written: fewer than records when records arrived together.</summary>
    public int Batches => commit.Batches;

    /// <summary>Queues <paramref name="line"/>; once queued it is written whatever happens to
    /// <paramref name="cancellationToken"/>: the caller acted on the resource already, and the record must say so.</summary>
    public Task AppendAsync(byte[] line, CancellationToken cancellationToken) => commit.AppendAsync(line, cancellationToken);

    private async Task WriteAsync(IReadOnlyList<byte[]> batch)
    {
        var bytes = GroupCommit.Concatenate(batch);
        var parts = secrets.JournalBatch(Revision, Generation, sequence++, bytes);

        // Part 0 last: it is what makes the batch count, so it must not exist before the others do.
        for (var index = parts.Length - 1; index >= 0; index--)
        {
            if (await api.CreateAsync(StateApi.Secrets, parts[index], CancellationToken.None) is null)
            {
                throw new InvalidOperationException(
                    $"Journal Secret {secrets.Where(StateLabels.Name(parts[index]))} exists already: another run is recording to revision {Revision}, which only the lock holder may do.");
            }
        }
    }
}
