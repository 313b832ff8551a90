using System.Collections.Immutable;
using Declarative.Core.State.Storage;

namespace Declarative.Core.State;

/// <summary>
/// The embedded store: <c>&lt;root&gt;/.declarative/state/&lt;env&gt;/</c> (DECLARATIVE_STATE_DIR overrides the folder),
/// one versioned JSON file per revision written atomically (temp file, fsync, rename), folder 0700 and files 0600,
/// secret values sealed with the <see cref="StateKey"/>, an OS file lock plus a lock record.
/// Without a key, sealed values read back as "(sensitive)" and saving a revision that holds secret values fails
/// with <see cref="StateKeyException"/>. An unusable file throws <see cref="StateFileException"/> naming it.
/// </summary>
public sealed class LocalStateStore(string directory, string environment, StateKey? key, TimeProvider clock) : IStateStore
{
    public const string DirectoryVariable = "DECLARATIVE_STATE_DIR";

    private readonly SecretSealer? sealer = key is null ? null : new SecretSealer(key);

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
        await AtomicFile.WriteAsync(path, bytes, cancellationToken);
    }

    public Task DeleteAsync(int number, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(number));
        return Task.CompletedTask;
    }

    public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken) =>
        FileStateLock.RemoveStaleRecordAsync(directory, environment, cancellationToken);

    private string PathOf(int number) => Path.Combine(directory, RevisionFile.NameOf(number));

    private ImmutableArray<int> Numbers() =>
        System.IO.Directory.Exists(directory)
            ? [.. System.IO.Directory.EnumerateFiles(directory).Select(p => RevisionFile.NumberOf(Path.GetFileName(p))).OfType<int>().Order()]
            : [];

    private async Task<Revision> ReadAsync(int number, CancellationToken cancellationToken)
    {
        var path = PathOf(number);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return RevisionFile.Decode(bytes, sealer, path);
    }
}
