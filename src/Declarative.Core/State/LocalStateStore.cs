using System.Collections.Concurrent;
using System.Collections.Immutable;
using Declarative.Core.State.Storage;

namespace Declarative.Core.State;

/// <summary>
/// The embedded store: <c>&lt;root&gt;/.declarative/state/&lt;env&gt;/</c> (DECLARATIVE_STATE_DIR overrides the folder),
/// one versioned JSON file per revision written atomically (temp file, fsync, rename), folder 0700 and files 0600,
/// secret values sealed with the <see cref="StateKey"/>, an OS file lock plus a lock record. A pending revision's
/// records go to its journal (<c>revision-000001.journal.jsonl</c>, one line each, appended with group commit and
/// fsynced), replayed when the revision is read and dropped when it is saved whole. Without a key, sealed values read back as "(sensitive)" and saving a revision that holds secret values fails
/// with <see cref="StateKeyException"/>. An unusable file throws <see cref="StateFileException"/> naming it.
/// </summary>
public sealed class LocalStateStore(string directory, string environment, StateKey? key, TimeProvider clock) : ISealedRevisionStore
{
    public const string DirectoryVariable = "DECLARATIVE_STATE_DIR";

    private readonly SecretSealer? sealer = key is null ? null : new SecretSealer(key);
    private readonly ConcurrentDictionary<int, JournalAppender> journals = [];

    public string Directory => directory;

    public string Environment => environment;

    public StateKey? Key => key;

    public TimeProvider Clock => clock;

    /// <summary>The folder of an environment's state under a project root, honouring DECLARATIVE_STATE_DIR (a
    /// relative value is taken from the project root).</summary>
    public static string DirectoryFor(string projectRoot, string environment, IReadOnlyDictionary<string, string> variables)
    {
        if (environment.Length == 0 || environment is "." or ".." || environment.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new ArgumentException($"\"{environment}\" cannot name a state folder.", nameof(environment));
        }

        var root = variables.TryGetValue(DirectoryVariable, out var overridden) && !string.IsNullOrWhiteSpace(overridden)
            ? Path.Combine(projectRoot, overridden)
            : Path.Combine(projectRoot, ".declarative", "state");
        return Path.GetFullPath(Path.Combine(root, environment));
    }

    public async Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken)
    {
        var held = await FileStateLock.AcquireAsync(directory, environment, requester, cancellationToken);
        try
        {
            var latest = await GetLatestAsync(cancellationToken);
            held.Abandoned(latest is { Status: RevisionStatus.Pending } ? latest : null);
            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    public async Task<Revision?> GetLatestAsync(CancellationToken cancellationToken)
    {
        var numbers = Numbers();
        return numbers.IsEmpty ? null : await ReadAsync(numbers[^1], cancellationToken);
    }

    public async Task<Revision?> GetAsync(int number, CancellationToken cancellationToken) =>
        File.Exists(PathOf(number)) ? await ReadAsync(number, cancellationToken) : null;

    public async Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken)
    {
        var revisions = ImmutableArray.CreateBuilder<Revision>();
        foreach (var number in Numbers())
        {
            revisions.Add(await ReadAsync(number, cancellationToken));
        }

        return revisions.ToImmutable();
    }

    public async Task SaveAsync(Revision revision, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(revision.Number, 1);
        var path = PathOf(revision.Number);
        var bytes = RevisionFile.Encode(revision, sealer, path);
        UnixPermissions.CreateFolder(directory);
        if (!File.Exists(path))
        {
            // A journal without its revision is no record of this one (its file was removed by hand).
            DropJournal(revision.Number);
        }

        await AtomicFile.WriteAsync(path, bytes, cancellationToken);

        // Only now: until the whole revision is on the disk, the journal is what holds the records.
        DropJournal(revision.Number);
    }

    public Task AppendAsync(int number, JournalRecord record, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var journal = journals.GetOrAdd(number, OpenJournal);
        return journal.AppendAsync(JournalFile.Encode(record, sealer, number, journal.Path), cancellationToken);
    }

    public Task DeleteAsync(int number, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(number));
        DropJournal(number);
        return Task.CompletedTask;
    }

    public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken) =>
        FileStateLock.RemoveStaleRecordAsync(directory, environment, cancellationToken);

    public async Task<ImmutableArray<SealedRevision>> ReadSealedAsync(CancellationToken cancellationToken)
    {
        var revisions = ImmutableArray.CreateBuilder<SealedRevision>();
        foreach (var number in Numbers())
        {
            var path = PathOf(number);
            revisions.Add(RevisionFile.ReadSealed(await File.ReadAllBytesAsync(path, cancellationToken), number, path));
        }

        return revisions.ToImmutable();
    }

    public async Task WriteSealedAsync(SealedRevision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentOutOfRangeException.ThrowIfLessThan(revision.Number, 1);
        var path = PathOf(revision.Number);
        if (File.Exists(path))
        {
            throw new InvalidOperationException($"Revision {revision.Number} is already in the store ({path}): a copy never replaces a revision.");
        }

        UnixPermissions.CreateFolder(directory);
        DropJournal(revision.Number);
        await AtomicFile.WriteAsync(path, revision.Bytes, cancellationToken);
    }

    /// <summary>Tests only: how many writes (each fsynced) the journal of revision <paramref name="number"/> took in
    /// this store object.</summary>
    internal int JournalBatches(int number) => journals.TryGetValue(number, out var journal) ? journal.Batches : 0;

    /// <summary>Tests only: the journal of revision <paramref name="number"/> through <paramref name="journal"/>.</summary>
    internal void UseJournal(int number, JournalAppender journal) => journals[number] = journal;

    internal string JournalPathOf(int number) => Path.Combine(directory, JournalFile.NameOf(number));

    private string PathOf(int number) => Path.Combine(directory, RevisionFile.NameOf(number));

    private JournalAppender OpenJournal(int number) =>
        File.Exists(PathOf(number))
            ? new JournalAppender(JournalPathOf(number))
            : throw new InvalidOperationException($"Revision {number} is not in the store ({PathOf(number)}): save it pending before recording to its journal.");

    private void DropJournal(int number)
    {
        journals.TryRemove(number, out _);
        File.Delete(JournalPathOf(number));
    }

    /// <summary>The numbers of the revisions in an environment's folder, ascending, from the file names alone (shell
    /// completion lists them without reading a revision).</summary>
    public static ImmutableArray<int> RevisionNumbersIn(string directory) =>
        System.IO.Directory.Exists(directory)
            ? [.. System.IO.Directory.EnumerateFiles(directory).Select(p => RevisionFile.NumberOf(Path.GetFileName(p))).OfType<int>().Order()]
            : [];

    private ImmutableArray<int> Numbers() => RevisionNumbersIn(directory);

    private async Task<Revision> ReadAsync(int number, CancellationToken cancellationToken)
    {
        var path = PathOf(number);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var revision = RevisionFile.Decode(bytes, sealer, path);

        // A completed revision was written whole; a journal beside it is one whose deletion a crash cut short.
        if (revision.Status != RevisionStatus.Pending)
        {
            return revision;
        }

        var records = await JournalFile.ReadAsync(JournalPathOf(number), sealer, cancellationToken);
        return records.IsEmpty ? revision : JournalReplay.Replay(revision, records);
    }
}
