using Declarative.Testing.StateContract;
using System.Collections.Immutable;
using System.Text;
using Declarative.Core.Diagnostics;
using Declarative.Core.State;
using Declarative.Core.State.Migration;
using Declarative.Testing;

namespace Declarative.Core.Tests.State.Migration;

/// <summary>
/// <see cref="StateMigration"/> between two local stores (the store-specific parts, Kubernetes Secrets and PostgreSQL
/// rows, are covered end to end by the CLI's migration tests): copied sealed without the key, verified, resumed,
/// refused when the target holds another history, when the source has a pending revision, or when a lock is held.
/// </summary>
public sealed class StateMigrationTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly StateKey key = StateKey.Generate();
    private readonly ManualClock clock = new(StateStoreSamples.Start);

    private string SourceFolder => temp.PathOf("source");

    private string TargetFolder => temp.PathOf("target");

    [Fact]
    public async Task Every_revision_is_copied_sealed_without_the_key_and_the_copy_opens_with_it()
    {
        var history = await SourceHistoryAsync();

        var result = await MigrateAsync(Store(SourceFolder, null), Store(TargetFolder, null));

        Assert.Empty(result.Diagnostics);
        Assert.Equal([1, 2, 3], result.Value!.Copied.AsEnumerable());
        var copied = await Store(TargetFolder, key).ListAsync(CancellationToken.None);
        Assert.Equal(history.Length, copied.Length);
        foreach (var (want, got) in history.Zip(copied))
        {
            StateStoreSamples.AssertSameRevision(want, got);
        }

        var files = Directory.GetFiles(TargetFolder, "revision-*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, files.Count);
        Assert.All(files, file => Assert.DoesNotContain(StateStoreSamples.Password, File.ReadAllText(file), StringComparison.Ordinal));
        Assert.Contains("\"$sealed\"", File.ReadAllText(files[2]), StringComparison.Ordinal);

        // The sealed bytes are the source's, byte for byte: the same nonces, so the same checksums.
        Assert.Equal(
            Directory.GetFiles(SourceFolder, "revision-*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Select(Convert.ToHexString),
            files.Select(File.ReadAllBytes).Select(Convert.ToHexString));
        Assert.True(Directory.Exists(SourceFolder), "the source was removed");
        Assert.Equal(3, Directory.GetFiles(SourceFolder, "revision-*.json").Length);
    }

    [Fact]
    public async Task A_target_holding_part_of_the_history_is_completed_and_an_identical_one_is_left_as_it_is()
    {
        await SourceHistoryAsync();
        var sealedRevisions = await Store(SourceFolder, null).ReadSealedAsync(CancellationToken.None);
        var target = Store(TargetFolder, null);
        await using (await target.LockAsync(StateStoreSamples.Requester(), CancellationToken.None))
        {
            await target.WriteSealedAsync(sealedRevisions[0], CancellationToken.None);
            await target.WriteSealedAsync(sealedRevisions[1], CancellationToken.None);
        }

        var resumed = await MigrateAsync(Store(SourceFolder, null), target);
        var again = await MigrateAsync(Store(SourceFolder, null), target);

        Assert.Equal([3], resumed.Value!.Copied.AsEnumerable());
        Assert.Equal(2, resumed.Value.AlreadyThere);
        Assert.Empty(again.Value!.Copied);
        Assert.Equal(3, again.Value.AlreadyThere);
        Assert.Equal(sealedRevisions.Select(r => r.Checksum), (await target.ReadSealedAsync(CancellationToken.None)).Select(r => r.Checksum));
    }

    [Fact]
    public async Task A_target_with_another_history_is_refused_and_keeps_it()
    {
        await SourceHistoryAsync();
        var target = Store(TargetFolder, key);
        await target.SaveAsync(StateStoreSamples.Revision(1, RevisionStatus.Deployed, StateStoreSamples.ConfigMap("other")), CancellationToken.None);
        var before = File.ReadAllBytes(Path.Combine(TargetFolder, "revision-000001.json"));

        var result = await MigrateAsync(Store(SourceFolder, null), Store(TargetFolder, null));

        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.StateMigrationRefused, "The target store already holds another history"), (error.Code, error.Summary));
        Assert.StartsWith("The target store already holds revisions of environment \"dev\" (1), and they are not the source's: its revision 1 (deployed, sha256 ", error.Detail[0], StringComparison.Ordinal);
        Assert.StartsWith("Nothing was copied.", error.Detail[1], StringComparison.Ordinal);
        Assert.Equal(["revision-000001.json"], Directory.GetFiles(TargetFolder, "revision-*.json").Select(Path.GetFileName));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(TargetFolder, "revision-000001.json")));
    }

    [Fact]
    public async Task A_source_with_a_pending_revision_is_refused_naming_the_run_that_left_it()
    {
        await SourceHistoryAsync();
        await Store(SourceFolder, key).SaveAsync(StateStoreSamples.Revision(4, RevisionStatus.Pending, StateStoreSamples.ConfigMap("a")), CancellationToken.None);

        var result = await MigrateAsync(Store(SourceFolder, null), Store(TargetFolder, null));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.StateMigrationRefused, "The history has a pending revision"), (error.Code, error.Summary));
        Assert.StartsWith("Revision 4 (decl apply --env dev --set image.tag=***, by alice, started 2025-03-01 10:04:00Z) of environment \"dev\" in the source store is pending", error.Detail[0], StringComparison.Ordinal);
        Assert.Equal("Nothing was copied. Run decl apply --env dev once: it takes over the pending revision and marks it failed, keeping what it recorded. Then migrate again.", error.Detail[1]);
        Assert.False(Directory.Exists(TargetFolder) && Directory.GetFiles(TargetFolder, "revision-*.json").Length > 0, "something was copied");
    }

    [Theory]
    [InlineData("source")]
    [InlineData("target")]
    public async Task A_held_lock_is_refused_at_once_naming_its_holder_and_the_store(string side)
    {
        await SourceHistoryAsync();
        var holder = new LockRecord("bob", "ci-9", 4242, StateStoreSamples.Start, "decl apply --env dev");
        await using var held = await Store(side == "source" ? SourceFolder : TargetFolder, null).LockAsync(holder, CancellationToken.None);

        var result = await MigrateAsync(Store(SourceFolder, null), Store(TargetFolder, null)).WaitAsync(TimeSpan.FromSeconds(30));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.StateLocked, "State is locked"), (error.Code, error.Summary));
        Assert.Equal($"Environment \"dev\" is locked by decl apply --env dev (user bob, pid 4242 on ci-9, since 2025-03-01 10:00:00Z). That lock is on the {side} store, the {side} store.", error.Detail[0]);
        Assert.Empty(Directory.Exists(TargetFolder) ? Directory.GetFiles(TargetFolder, "revision-*.json") : []);
    }

    [Fact]
    public async Task A_copy_that_reads_back_other_bytes_fails_verification_naming_the_revision()
    {
        await SourceHistoryAsync();
        var target = new AlteringStore(Store(TargetFolder, null), alter: 2);

        var result = await MigrateAsync(Store(SourceFolder, null), target);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.StateMigrationRefused, "The copy does not match the source"), (error.Code, error.Summary));
        Assert.Matches("^After copying 3 revisions to the target store: revision 2 reads back with sha256 [0-9a-f]{16}, not [0-9a-f]{16}\\.$", error.Detail[0]);
        Assert.StartsWith("The environment still uses the source store, which was not changed.", error.Detail[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sealed_bytes_are_what_a_store_writes_and_a_damaged_record_is_named()
    {
        var revision = StateStoreSamples.Revision(1, RevisionStatus.Deployed, StateStoreSamples.ConfigMap("a"), StateStoreSamples.Secret());
        var bytes = RevisionCodec.EncodeRevision(revision, new SecretSealer(key), "here");

        var read = RevisionCodec.ReadSealed(bytes, 1, "here");
        var damaged = Assert.Throws<StateFileException>(() => RevisionCodec.ReadSealed(Encoding.UTF8.GetBytes("{\"formatVersion\":1,\"revision\":1}"), 1, "row 1"));
        var misnumbered = Assert.Throws<StateFileException>(() => RevisionCodec.ReadSealed(bytes, 2, "row 2"));

        Assert.Equal(bytes, read.Bytes);
        Assert.Equal((1, RevisionStatus.Deployed, RevisionOperation.Apply), (read.Number, read.Status, read.Operation));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), read.Checksum);
        Assert.Equal(("row 1", "State file is unreadable"), (damaged.Path, damaged.Summary));
        Assert.Contains("It holds revision 1, where revision 2 belongs.", misnumbered.Details[0], StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private LocalStateStore Store(string folder, StateKey? storeKey) => new(folder, "dev", storeKey, clock);

    /// <summary>Three revisions in the source, the last holding a Secret (sealed with the key).</summary>
    private async Task<ImmutableArray<Revision>> SourceHistoryAsync()
    {
        var source = Store(SourceFolder, key);
        await source.SaveAsync(StateStoreSamples.Revision(1, RevisionStatus.Superseded, StateStoreSamples.ConfigMap("a")), CancellationToken.None);
        await source.SaveAsync(StateStoreSamples.Revision(2, RevisionStatus.Failed, StateStoreSamples.ConfigMap("a", "v2")), CancellationToken.None);
        await source.SaveAsync(StateStoreSamples.Revision(3, RevisionStatus.Deployed, StateStoreSamples.ConfigMap("a", "v3"), StateStoreSamples.Secret()), CancellationToken.None);
        return await source.ListAsync(CancellationToken.None);
    }

    private static Task<Declarative.Core.Manifests.StageResult<MigrationReport?>> MigrateAsync(ISealedRevisionStore source, ISealedRevisionStore target) =>
        StateMigration.RunAsync("dev", new MigrationStore(source, "the source store"), new MigrationStore(target, "the target store"), StateStoreSamples.Requester("decl state migrate --env dev --to local"), CancellationToken.None);

    /// <summary>A target that stores revision <paramref name="alter"/> with other bytes than it was given (a store
    /// that damages what it keeps): the verification must notice.</summary>
    private sealed class AlteringStore(LocalStateStore inner, int alter) : ISealedRevisionStore
    {
        public Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken) => inner.LockAsync(requester, cancellationToken);

        public Task<Revision?> GetLatestAsync(CancellationToken cancellationToken) => inner.GetLatestAsync(cancellationToken);

        public Task<Revision?> GetAsync(int number, CancellationToken cancellationToken) => inner.GetAsync(number, cancellationToken);

        public Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task SaveAsync(Revision revision, CancellationToken cancellationToken) => inner.SaveAsync(revision, cancellationToken);

        public Task AppendAsync(int number, JournalRecord record, CancellationToken cancellationToken) => inner.AppendAsync(number, record, cancellationToken);

        public Task DeleteAsync(int number, CancellationToken cancellationToken) => inner.DeleteAsync(number, cancellationToken);

        public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken) => inner.RemoveStaleLockAsync(cancellationToken);

        public Task<ImmutableArray<SealedRevision>> ReadSealedAsync(CancellationToken cancellationToken) => inner.ReadSealedAsync(cancellationToken);

        public Task WriteSealedAsync(SealedRevision revision, CancellationToken cancellationToken)
        {
            if (revision.Number != alter)
            {
                return inner.WriteSealedAsync(revision, cancellationToken);
            }

            var text = Encoding.UTF8.GetString(revision.Bytes).Replace("\"user\": \"alice\"", "\"user\": \"mallory\"", StringComparison.Ordinal);
            return inner.WriteSealedAsync(revision with { Bytes = Encoding.UTF8.GetBytes(text) }, cancellationToken);
        }
    }
}
