using Declarative.Testing.StateContract;
using Declarative.Core.State;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

public sealed class LocalStateStoreTests : IDisposable
{
    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task Reads_back_a_saved_revision_with_every_field()
    {
        var revision = Revision(1, RevisionStatus.Deployed, ConfigMap("web"), ConfigMap("api")) with { RollbackOf = 7, Error = "none" };

        await fixture.Store().SaveAsync(revision, CancellationToken.None);
        var read = await fixture.Store().GetAsync(1, CancellationToken.None);

        Assert.NotNull(read);
        StateStoreSamples.AssertSameRevision(revision, read);
    }

    [Fact]
    public async Task Writes_one_file_per_revision_named_by_its_number()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Superseded), CancellationToken.None);
        await store.SaveAsync(Revision(2, RevisionStatus.Deployed), CancellationToken.None);

        var files = Directory.GetFiles(fixture.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["revision-000001.json", "revision-000002.json"], files);
    }

    [Fact]
    public async Task Lists_revisions_oldest_first_and_finds_the_latest()
    {
        var store = fixture.Store();
        foreach (var number in new[] { 10, 2, 1 })
        {
            await store.SaveAsync(Revision(number, RevisionStatus.Failed), CancellationToken.None);
        }

        var listed = await store.ListAsync(CancellationToken.None);
        var latest = await store.GetLatestAsync(CancellationToken.None);

        Assert.Equal([1, 2, 10], listed.Select(r => r.Number));
        Assert.Equal(10, latest?.Number);
    }

    [Fact]
    public async Task An_environment_without_state_has_no_revisions_and_no_folder()
    {
        var store = fixture.Store();

        Assert.Null(await store.GetLatestAsync(CancellationToken.None));
        Assert.Null(await store.GetAsync(1, CancellationToken.None));
        Assert.Empty(await store.ListAsync(CancellationToken.None));
        Assert.False(Directory.Exists(fixture.Folder));
    }

    [Fact]
    public async Task Saving_again_replaces_the_revision()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), CancellationToken.None);
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web")), CancellationToken.None);

        var read = await store.GetAsync(1, CancellationToken.None);

        Assert.Equal(RevisionStatus.Deployed, read?.Status);
        Assert.Single(read!.Inventory);
    }

    [Fact]
    public async Task Writes_the_same_bytes_for_the_same_revision()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("b"), ConfigMap("a")) with { Edges = [] }, CancellationToken.None);
        var first = await File.ReadAllBytesAsync(fixture.PathOf("revision-000001.json"));
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("a"), ConfigMap("b")) with { Edges = [] }, CancellationToken.None);
        var second = await File.ReadAllBytesAsync(fixture.PathOf("revision-000001.json"));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Writes_the_documented_format()
    {
        await fixture.Store().SaveAsync(Revision(3, RevisionStatus.Deployed, ConfigMap("web")), CancellationToken.None);

        var text = await File.ReadAllTextAsync(fixture.PathOf("revision-000003.json"));

        Assert.StartsWith("{\n  \"formatVersion\": 1,\n", text, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"deployed\"", text, StringComparison.Ordinal);
        Assert.Contains("\"operation\": \"apply\"", text, StringComparison.Ordinal);
        Assert.Contains("\"revision\": 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_the_folder_and_files_private_to_the_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only.
        }

        await fixture.Store().SaveAsync(Revision(1, RevisionStatus.Deployed), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fixture.Folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.PathOf("revision-000001.json")));
    }

    [Fact]
    public async Task Leaves_no_temp_files_behind()
    {
        var store = fixture.Store();
        for (var i = 0; i < 3; i++)
        {
            await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap($"c{i}")), CancellationToken.None);
        }

        Assert.Equal(["revision-000001.json"], Directory.GetFiles(fixture.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Ignores_stray_temp_files_when_listing()
    {
        var store = fixture.Store();
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed), CancellationToken.None);
        await File.WriteAllTextAsync(fixture.PathOf(".revision-000002.json.abc.tmp"), "{ half written");

        var listed = await store.ListAsync(CancellationToken.None);

        Assert.Equal([1], listed.Select(r => r.Number));
    }

    public void Dispose() => fixture.Dispose();
}
