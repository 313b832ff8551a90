using System.Text;
using System.Text.Json;

namespace Declarative.Core.State.Storage;

/// <summary>
/// The local store's lock: an exclusive OS lock on the <c>lock</c> file (FileShare.None, which .NET takes as
/// flock on Unix: the kernel drops it when the process dies, and a second open fails even in the same process)
/// plus <c>lock.json</c>, the holder's record shown to whoever is refused. The <c>lock</c> file itself is never
/// deleted, so every run locks the same inode.
/// </summary>
internal sealed class FileStateLock : IStateLock
{
    public const string LockFileName = "lock";
    public const string RecordFileName = "lock.json";

    private readonly FileStream handle;
    private readonly string recordPath;
    private int disposed;

    private FileStateLock(FileStream handle, string recordPath, LockRecord holder)
    {
        this.handle = handle;
        this.recordPath = recordPath;
        Holder = holder;
    }

    public LockRecord Holder { get; }

    public Revision? AbandonedPending { get; private set; }

    /// <summary>Takes the lock and writes the record, or throws <see cref="StateLockedException"/> at once.</summary>
    public static async Task<FileStateLock> AcquireAsync(string folder, string environment, LockRecord requester, CancellationToken cancellationToken)
    {
        UnixPermissions.CreateFolder(folder);
        var recordPath = Path.Combine(folder, RecordFileName);
        FileStream handle;
        try
        {
            handle = new FileStream(Path.Combine(folder, LockFileName), UnixPermissions.NewFile(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw await LockedAsync(recordPath, environment, ex, cancellationToken);
        }

        var held = new FileStateLock(handle, recordPath, requester);
        try
        {
            await AtomicFile.WriteAsync(recordPath, Encode(requester), cancellationToken);
            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <c>decl state unlock</c>: takes the OS lock (so no run can start meanwhile) and deletes <c>lock.json</c>
    /// unless its holder's process still runs on this host. When another process holds the OS lock, that run is
    /// alive and nothing changes. Never creates the state folder.
    /// </summary>
    public static async Task<LockRemoval> RemoveStaleRecordAsync(string folder, string environment, CancellationToken cancellationToken)
    {
        var recordPath = Path.Combine(folder, RecordFileName);
        if (!Directory.Exists(folder))
        {
            return new LockRemoval(LockRemovalOutcome.NotLocked, environment, null);
        }

        FileStream handle;
        try
        {
            handle = new FileStream(Path.Combine(folder, LockFileName), UnixPermissions.NewFile(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return new LockRemoval(LockRemovalOutcome.HeldByLiveRun, environment, await ReadRecordAsync(recordPath, cancellationToken));
        }

        await using (handle)
        {
            if (!File.Exists(recordPath))
            {
                return new LockRemoval(LockRemovalOutcome.NotLocked, environment, null);
            }

            var holder = TryReadRecord(recordPath);
            if (holder is not null && HolderProcess.IsRunningOnThisHost(holder))
            {
                return new LockRemoval(LockRemovalOutcome.HolderStillRunning, environment, holder);
            }

            // An unreadable record without a lock holder is as stale as a readable one.
            File.Delete(recordPath);
            return new LockRemoval(LockRemovalOutcome.Removed, environment, holder);
        }
    }

    /// <summary>Records the pending revision found once the lock was taken: its writer died.</summary>
    public void Abandoned(Revision? pending) => AbandonedPending = pending;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // The record goes first, while the lock is still ours, so it can never delete the next holder's record.
        try
        {
            File.Delete(recordPath);
        }
        catch (IOException)
        {
            // A stale record is harmless: the next holder overwrites it.
        }

        await handle.DisposeAsync();
    }

    internal static byte[] Encode(LockRecord record)
    {
        var file = new LockFileV1(1, record.User, record.Host, record.ProcessId, record.Started, record.Command);
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(file, StateJsonContext.Files.LockFileV1) + "\n");
    }

    private static async Task<StateLockedException> LockedAsync(string recordPath, string environment, IOException cause, CancellationToken cancellationToken) =>
        await ReadRecordAsync(recordPath, cancellationToken) is { } holder
            ? new StateLockedException(holder, environment)
            : new StateLockedException($"Environment \"{environment}\" is locked by another run, whose lock record ({recordPath}) cannot be read.", cause);

    /// <summary>The record of a run that holds the lock. It writes the record just after it takes the lock: give it a
    /// moment before reporting no record.</summary>
    private static async Task<LockRecord?> ReadRecordAsync(string recordPath, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (TryReadRecord(recordPath) is { } holder)
            {
                return holder;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return null;
    }

    private static LockRecord? TryReadRecord(string recordPath)
    {
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(recordPath), StateJsonContext.Files.LockFileV1);
            return file is null ? null : new LockRecord(file.User, file.Host, file.ProcessId, file.Started, file.Command);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
