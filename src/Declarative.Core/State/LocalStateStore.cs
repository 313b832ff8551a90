using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// The embedded store: <c>&lt;root&gt;/.declarative/state/&lt;env&gt;/</c> (DECLARATIVE_STATE_DIR overrides the folder),
/// one versioned JSON file per revision written atomically (temp file, fsync, rename), folder 0700 and files 0600,
/// secret values sealed with the <see cref="StateKey"/>, an OS file lock plus a lock record.
/// </summary>
public sealed class LocalStateStore(string directory, string environment, StateKey? key, TimeProvider clock) : IStateStore
{
    public string Directory => directory;

    public string Environment => environment;

    public StateKey? Key => key;

    public TimeProvider Clock => clock;

    /// <summary>The folder of an environment's state under a project root, honouring DECLARATIVE_STATE_DIR.</summary>
    public static string DirectoryFor(string projectRoot, string environment, IReadOnlyDictionary<string, string> variables) =>
        throw new NotImplementedException();

    public Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<Revision?> GetLatestAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<Revision?> GetAsync(int number, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task SaveAsync(Revision revision, CancellationToken cancellationToken) => throw new NotImplementedException();
}
