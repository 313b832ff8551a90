using System.Text;
using Declarative.Core.State;
using Declarative.Testing;
using Declarative.Testing.StateContract;

namespace Declarative.Core.Tests.State;

/// <summary>The shared store contract for the local store: one folder per project and environment under a temp
/// folder; another process is another <see cref="LocalStateStore"/> object on the same folder.</summary>
public sealed class LocalStateStoreContractTests : StateStoreContract
{
    private readonly TempDirectory temp = new();

    protected override Task<IStateStore> OpenStoreAsync(StoreName name, StateKey? key) =>
        Task.FromResult<IStateStore>(new LocalStateStore(FolderOf(name), name.Environment, key, TimeProvider.System));

    /// <summary>The kernel drops a dead process's flock; lock.json stays as it wrote it.</summary>
    protected override async Task KillHolderAsync(StoreName name, IStateLock held)
    {
        var record = Path.Combine(FolderOf(name), "lock.json");
        var written = await File.ReadAllBytesAsync(record);
        await held.DisposeAsync();
        await File.WriteAllBytesAsync(record, written);
    }

    protected override async Task<string> ReadAtRestAsync(StoreName name)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(FolderOf(name), "*", SearchOption.AllDirectories))
        {
            text.AppendLine(await File.ReadAllTextAsync(file));
        }

        return text.ToString();
    }

    protected override async Task EditStoredRevisionAsync(StoreName name, int number, Func<byte[], byte[]> edit)
    {
        var path = RevisionNameOf(name, number);
        await File.WriteAllBytesAsync(path, edit(await File.ReadAllBytesAsync(path)));
    }

    protected override async Task EditStoredJournalRecordAsync(StoreName name, int number, int index, Func<byte[], byte[]> edit)
    {
        var path = JournalNameOf(name, number);
        var lines = (await File.ReadAllLinesAsync(path)).Select(l => Encoding.UTF8.GetBytes(l + "\n")).ToList();
        lines[index] = edit(lines[index]);
        await File.WriteAllBytesAsync(path, [.. lines.SelectMany(l => l)]);
    }

    protected override string RevisionNameOf(StoreName name, int number) => Path.Combine(FolderOf(name), $"revision-{number:D6}.json");

    protected override string JournalNameOf(StoreName name, int number) => Path.Combine(FolderOf(name), $"revision-{number:D6}.journal.jsonl");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        temp.Dispose();
    }

    private string FolderOf(StoreName name) => LocalStateStore.DirectoryFor(Path.Combine(temp.Root, name.Project), name.Environment, new Dictionary<string, string>());
}
