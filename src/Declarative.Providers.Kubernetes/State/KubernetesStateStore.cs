using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.State;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// An environment's history in its cluster (docs/state.md, "Kubernetes store"), through the provider's client: each
/// revision a head Secret of type <c>declarative.dev/revision.v1</c> plus its payload (the local store's revision
/// bytes, secret values sealed, gzip-compressed, split into parts of at most 512 KiB), each labelled with the project,
/// environment and revision so one LIST finds a history; a pending revision's journal as small Secrets, one create
/// per group-commit batch; the lock a coordination.k8s.io/v1 Lease renewed while it is held. The namespace is
/// created on the first write when missing. Unreadable Secrets are <see cref="StateFileException"/>s naming them;
/// an unreachable or forbidden API is a <see cref="StateStoreUnavailableException"/> naming the cluster, the
/// namespace and what is missing.
/// </summary>
public sealed partial class KubernetesStateStore : IStateStore
{
    private const int ConcurrentDeletes = 8;

    private readonly StateApi api;
    private readonly StateObjectNames names;
    private readonly RevisionSecrets secrets;
    private readonly KubernetesStateOptions options;
    private readonly SecretSealer? sealer;
    private readonly ConcurrentDictionary<int, Lazy<Task<SecretJournal>>> journals = [];
    private LeaseLock? held;

    public KubernetesStateStore(IKubeClient client, KubernetesStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        api = new StateApi(client, options);
        names = new StateObjectNames(options.Project, options.Environment);
        sealer = options.Key is null ? null : new SecretSealer(options.Key);
        secrets = new RevisionSecrets(names, options, sealer);
    }

    public KubernetesStateOptions Options => options;

    /// <summary>What messages call this store: its namespace and cluster.</summary>
    public string Description => api.Store;

    /// <summary>The Lease's name (also the prefix of every Secret's name).</summary>
    public string LeaseName => names.Lease;

    /// <summary>The Lease outlives a holder that stops renewing it by its duration, then the next run takes it over.</summary>
    public TimeSpan? LockExpiresAfter => TimeSpan.FromSeconds(LeaseLock.LeaseDurationSeconds(options));

    public async Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken)
    {
        var lease = await LeaseLock.AcquireAsync(api, names.Lease, options, requester, cancellationToken);
        try
        {
            var latest = await GetLatestAsync(cancellationToken);
            lease.Abandoned(latest is { Status: RevisionStatus.Pending } ? latest : null);
            held = lease;
            return lease;
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    public async Task<Revision?> GetLatestAsync(CancellationToken cancellationToken)
    {
        // Heads are small (no payload), so finding the newest number costs little however long the history is.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var numbers = RevisionSecrets.Numbers(await api.ListAsync(StateApi.Secrets, StateLabels.Heads(options.Project, options.Environment), cancellationToken));
            if (numbers.IsEmpty)
            {
                return null;
            }

            if (await GetAsync(numbers[^1], cancellationToken) is { } latest)
            {
                return latest;
            }

            // Deleted between the two lists (a history limit trimming it): look again.
        }

        return null;
    }

    public async Task<Revision?> GetAsync(int number, CancellationToken cancellationToken) =>
        secrets.Read(number, await ListRevisionAsync(number, cancellationToken));

    public Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken) => ReadEveryRevisionAsync(secrets.Read, cancellationToken);

    /// <summary>Every revision of the environment from one LIST of its Secrets, oldest first, each read by
    /// <paramref name="read"/> (decoded, or as sealed bytes); revisions without a head are left out.</summary>
    private async Task<ImmutableArray<T>> ReadEveryRevisionAsync<T>(Func<int, IEnumerable<JsonObject>, T?> read, CancellationToken cancellationToken)
        where T : class
    {
        var items = await api.ListAsync(StateApi.Secrets, StateLabels.Environment(options.Project, options.Environment), cancellationToken);
        var byRevision = items.ToLookup(i => StateLabels.IntLabel(i, StateLabels.Revision));
        var revisions = ImmutableArray.CreateBuilder<T>();
        foreach (var number in RevisionSecrets.Numbers(items))
        {
            if (read(number, byRevision[number]) is { } revision)
            {
                revisions.Add(revision);
            }
        }

        return revisions.ToImmutable();
    }

    public async Task SaveAsync(Revision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentOutOfRangeException.ThrowIfLessThan(revision.Number, 1);
        CheckHeld();
        var existing = await ListRevisionAsync(revision.Number, cancellationToken);
        var head = existing.FirstOrDefault(i => StateLabels.Label(i, StateLabels.Record) == StateLabels.HeadRecord);
        var generation = existing.Select(i => StateLabels.IntLabel(i, StateLabels.Generation) ?? 0).DefaultIfEmpty(0).Max() + 1;
        var (newHead, parts) = secrets.Build(revision, generation);
        foreach (var part in parts.Reverse())
        {
            _ = await api.CreateAsync(StateApi.Secrets, part, cancellationToken) ?? throw ChangedMeanwhile(revision.Number, StateLabels.Name(part));
        }

        // The commit: until the head names the new generation, readers see the old one whole.
        var committed = head is null
            ? await api.CreateAsync(StateApi.Secrets, newHead, cancellationToken)
            : await api.PatchAsync(StateApi.Secrets, StateLabels.Name(head), StateLabels.ResourceVersion(head) ?? string.Empty, secrets.HeadUpdate(newHead), cancellationToken);
        _ = committed ?? throw ChangedMeanwhile(revision.Number, StateLabels.Name(newHead));

        journals.TryRemove(revision.Number, out _);
        if (revision.Status == RevisionStatus.Pending)
        {
            var journal = new SecretJournal(api, secrets, revision.Number, generation, 1);
            journals[revision.Number] = new Lazy<Task<SecretJournal>>(Task.FromResult(journal));
        }

        // The old generation's parts and the journal it replaces are no longer read: remove them.
        await DeleteAllAsync(existing.Where(i => !ReferenceEquals(i, head)), cancellationToken);
    }

    public async Task AppendAsync(int number, JournalRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        CheckHeld();
        var line = RevisionCodec.EncodeJournalRecord(record, sealer, number, secrets.Where(names.Head(number)));
        var opening = journals.GetOrAdd(number, n => new Lazy<Task<SecretJournal>>(() => OpenJournalAsync(n, cancellationToken)));
        SecretJournal journal;
        try
        {
            journal = await opening.Value;
        }
        catch
        {
            journals.TryRemove(KeyValuePair.Create(number, opening));
            throw;
        }

        await journal.AppendAsync(line, cancellationToken);
    }

    public async Task DeleteAsync(int number, CancellationToken cancellationToken)
    {
        CheckHeld();
        var items = await ListRevisionAsync(number, cancellationToken);
        journals.TryRemove(number, out _);

        // The head first: parts without a head are never read, a head without its parts would be damage.
        var head = items.FirstOrDefault(i => StateLabels.Label(i, StateLabels.Record) == StateLabels.HeadRecord);
        if (head is not null)
        {
            await api.DeleteAsync(StateApi.Secrets, StateLabels.Name(head), cancellationToken);
        }

        await DeleteAllAsync(items.Where(i => !ReferenceEquals(i, head)), cancellationToken);
    }

    public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken) =>
        LeaseLock.RemoveStaleAsync(api, names.Lease, options, cancellationToken);

    /// <summary>Tests only: how many batches the journal of revision <paramref name="number"/> took in this store.</summary>
    internal int JournalBatches(int number) =>
        journals.TryGetValue(number, out var journal) && journal.IsValueCreated && journal.Value.IsCompletedSuccessfully ? journal.Value.Result.Batches : 0;

    /// <summary>Secrets no reader uses any more (a replaced generation, a journal a save superseded): a journal may be
    /// hundreds of batches, so they go several at a time.</summary>
    private Task DeleteAllAsync(IEnumerable<JsonObject> items, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDeletes, CancellationToken = cancellationToken },
            async (item, ct) => await api.DeleteAsync(StateApi.Secrets, StateLabels.Name(item), ct));

    private Task<ImmutableArray<JsonObject>> ListRevisionAsync(int number, CancellationToken cancellationToken) =>
        api.ListAsync(StateApi.Secrets, StateLabels.OfRevision(options.Project, options.Environment, number), cancellationToken);

    private async Task<SecretJournal> OpenJournalAsync(int number, CancellationToken cancellationToken)
    {
        var items = await ListRevisionAsync(number, cancellationToken);
        var head = items.FirstOrDefault(i => StateLabels.Label(i, StateLabels.Record) == StateLabels.HeadRecord)
            ?? throw new InvalidOperationException($"Revision {number} is not in the store ({secrets.Where(names.Head(number))}): save it pending before recording to its journal.");
        var generation = StateLabels.IntLabel(head, StateLabels.Generation) ?? 0;
        var next = items
            .Where(i => StateLabels.Label(i, StateLabels.Record) == StateLabels.JournalRecord && StateLabels.IntLabel(i, StateLabels.Generation) == generation)
            .Select(i => StateLabels.IntLabel(i, StateLabels.Sequence) ?? 0)
            .DefaultIfEmpty(0)
            .Max() + 1;
        return new SecretJournal(api, secrets, number, generation, next);
    }

    /// <summary>A run whose Lease was taken over writes nothing more: the new holder owns the history now.</summary>
    private void CheckHeld()
    {
        if (held is { Lost: { } lost, IsReleased: false })
        {
            throw new StateLockedException(
                $"Environment \"{options.Environment}\" is no longer locked by this run: {lost}. Nothing more was written to its state; run the command again once the other run is done.");
        }
    }

    private InvalidOperationException ChangedMeanwhile(int number, string name) => new(
        $"Revision {number} of environment \"{options.Environment}\" changed while this run saved it ({secrets.Where(name)} was written by someone else): another process writes this environment's state without holding its lock.");
}
